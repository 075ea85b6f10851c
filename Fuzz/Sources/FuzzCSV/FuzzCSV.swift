// Fuzzes the CSV/TSV reader: LineReader over a real file, then DelimitedRecordDecoder.
//
// The first byte picks the settings (CSV or TSV, header, quoting, column choice, skipping bad
// records, the quoted-field line limit, LineReader's chunk size); the rest is the file. The file
// is read back with LineReader, whose lines must match a plain split of the bytes, and the lines
// go through LineDecoder and the record decoder the way CorpusReader drives them. Errors are
// expected; a crash or a broken invariant is a bug.
import FuzzDriver

@testable import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// The file each input is written to: one per process, in `$TMPDIR` (run.sh points it at its
/// scratch folder).
private let path: String = {
  let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
  return "\(folder)/mtl-fuzz-csv-\(getpid()).txt"
}()

/// The entry point SwiftPM links as `main`; hands control to libFuzzer.
@_cdecl("FuzzCSV_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
  -> CInt
{
  mtl_fuzz_main(argc, argv) { data, size in data.map { fuzz($0, size) } ?? 0 }
}

/// libFuzzer's per-input callback: reads `data` back as a CSV or TSV file with the settings
/// its first byte picks, and stops the process when an invariant breaks.
///
/// - Parameters:
///   - data: The input; the first byte picks the settings, the rest is the file.
///   - size: The number of bytes at `data`.
/// - Returns: 0, as libFuzzer requires of an input it may keep in the corpus.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let settings = data[0]
  let content = UnsafeBufferPointer(start: data + 1, count: size - 1)
  let source = makeSource(settings)
  let chunkSize = 16 << Int(settings >> 7)
  writeFile(content)
  let expectedLines = splitLines(content)

  let reader: LineReader
  do {
    reader = try LineReader(path: path, chunkSize: chunkSize)
  } catch {
    fatalError("cannot open the fuzz file: \(error)")
  }
  var decoder = DelimitedRecordDecoder(source: source)
  let lineDecoder = LineDecoder(encoding: .utf8, strict: false)
  var lineBytes: [UInt8] = []
  var lineIndex = 0
  var finished = false
  while !finished {
    let hasLine: Bool
    do {
      hasLine = try reader.nextLine { raw in
        check(lineIndex < expectedLines.count, "LineReader read too many lines")
        check(Array(raw) == expectedLines[lineIndex], "LineReader line \(lineIndex + 1) differs")
        _ = lineDecoder.decode(raw, isFirstLine: reader.lineNumber == 1, into: &lineBytes)
      }
    } catch {
      fatalError("LineReader failed: \(error)")
    }
    let outcome: Result<Example?, CorpusError>
    if hasLine {
      lineIndex += 1
      check(reader.lineNumber == lineIndex, "line number \(reader.lineNumber), read \(lineIndex)")
      outcome = lineBytes.withUnsafeBufferPointer { line in
        do throws(CorpusError) {
          return .success(try decoder.consume(line, lineNumber: lineIndex))
        } catch {
          return .failure(error)
        }
      }
    } else {
      finished = true
      do throws(CorpusError) {
        try decoder.finish()
        outcome = .success(nil)
      } catch {
        outcome = .failure(error)
      }
    }
    switch outcome {
    case .success(let example?):
      let line = example.location?.line ?? 0
      check(line >= 1 && line <= lineIndex, "example from line \(line) after \(lineIndex) lines")
    case .success(nil):
      break
    case .failure(let error):
      if let line = error.line {
        check(line >= 1 && line <= max(lineIndex, 1), "error on line \(line) of \(lineIndex)")
      }
      // CorpusReader's policy: skip a bad record and go on, or stop at the first error.
      guard source.skipInvalid, error.isRecordProblem else { finished = true; break }
      decoder.reset()
    }
  }
  return 0
}

/// Source settings taken from the bits of `settings`.
private func makeSource(_ settings: UInt8) -> CorpusSource {
  let isCSV = settings & 1 == 0
  let hasHeader = settings & 2 == 0
  var source = CorpusSource(
    path: path, format: isCSV ? .csv : .tsv, taskName: "topic", hasHeader: hasHeader,
    skipInvalid: settings & 4 != 0,
    maximumLinesPerRecord: [10_000, 1, 2, 3][Int(settings >> 3) & 3])
  if settings & 0x20 != 0 { source.allowsQuotedFields = !isCSV }
  if settings & 0x40 != 0 {
    source.textColumns = [.index(0), .index(2)]
    source.labelColumns = ["topic": .index(1), "spam": .index(3)]
  }
  return source
}

/// The lines LineReader should return: split at `\n`, less one trailing `\r` each.
private func splitLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
  var lines: [[UInt8]] = []
  var start = 0
  while start < bytes.count {
    let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
    var end = newline
    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
    lines.append(Array(bytes[start..<end]))
    start = newline + 1
  }
  return lines
}

private func writeFile(_ bytes: UnsafeBufferPointer<UInt8>) {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
  check(descriptor >= 0, "cannot create \(path)")
  defer { close(descriptor) }
  // Only an empty input may have no base address, and then the truncated file is complete.
  guard let start = bytes.baseAddress else { return }
  var written = 0
  while written < bytes.count {
    let count = write(descriptor, start + written, bytes.count - written)
    check(count > 0, "cannot write \(path)")
    written += count
  }
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}
