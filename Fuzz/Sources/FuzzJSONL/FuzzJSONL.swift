// Fuzzes the JSONL record decoder (and the JSON line parser under it) on arbitrary bytes.
//
// The input is cut into lines the way LineReader cuts a file (at `\n`, less a trailing `\r`),
// decoded to UTF-8 by LineDecoder as CorpusReader does, then fed to JSONLRecordDecoder. Errors are
// expected; a crash is a bug. Two checks run on every line: syntax errors point at a column of
// the line, and when Foundation's JSON parser also accepts a line, both read the same text.
import Foundation
import FuzzDriver

@testable import MultiTaskText

private let source = CorpusSource(path: "fuzz.jsonl", format: .jsonl, taskName: "topic")

/// The entry point SwiftPM links as `main`; hands control to libFuzzer.
@_cdecl("FuzzJSONL_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
  -> CInt
{
  mtl_fuzz_main(argc, argv) { data, size in data.map { fuzz($0, size) } ?? 0 }
}

/// libFuzzer's per-input callback: decodes each line of `data` as a JSONL record and stops the
/// process when an error points outside its line or disagrees with Foundation's parser.
///
/// - Parameters:
///   - data: The input, cut into lines as `LineReader` cuts a file.
///   - size: The number of bytes at `data`.
/// - Returns: 0, as libFuzzer requires of an input it may keep in the corpus.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = UnsafeBufferPointer(start: data, count: size)
  var decoder = JSONLRecordDecoder(source: source)
  let lineDecoder = LineDecoder(encoding: .utf8, strict: false)
  var lineBytes: [UInt8] = []
  var lineStart = 0
  var lineNumber = 0
  while lineStart < size {
    var lineEnd = input[lineStart...].firstIndex(of: 0x0A) ?? size
    let next = lineEnd + 1
    if lineEnd > lineStart && input[lineEnd - 1] == 0x0D { lineEnd -= 1 }
    lineNumber += 1
    let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[lineStart..<lineEnd]))
    _ = lineDecoder.decode(raw, isFirstLine: lineNumber == 1, into: &lineBytes)
    check(String(validating: lineBytes, as: UTF8.self) != nil, "LineDecoder produced bad UTF-8")
    let outcome: Result<Example?, CorpusError> = lineBytes.withUnsafeBufferPointer { line in
      do throws(CorpusError) {
        return .success(try decoder.consume(line, lineNumber: lineNumber))
      } catch {
        return .failure(error)
      }
    }
    compare(outcome, line: lineBytes, lineNumber: lineNumber)
    lineStart = next
  }
  do throws(CorpusError) {
    try decoder.finish()
  } catch {
    fatalError("finish() of a JSONL decoder threw \(error)")
  }
  return 0
}

private func compare(_ outcome: Result<Example?, CorpusError>, line: [UInt8], lineNumber: Int) {
  switch outcome {
  case .failure(.syntax(_, let errorLine, let column, _)):
    let characters = line.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    check(errorLine == lineNumber, "syntax error on line \(errorLine), read \(lineNumber)")
    check(column >= 1 && column <= characters + 1, "column \(column) of \(characters)")
  case .failure:
    break
  case .success(nil):
    check(
      line.allSatisfy { [0x20, 0x09, 0x0D, 0x0A].contains($0) }, "a non-blank line was skipped")
  case .success(let example?):
    let exampleLine = example.location?.line
    check(
      exampleLine == lineNumber,
      "example from line \(String(describing: exampleLine)) of \(lineNumber)")
    // Lone surrogate escapes are replaced by U+FFFD here but may be rejected or kept elsewhere.
    if containsSurrogateEscape(line) { return }
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
      let text = object["text"] as? String
    else { return }
    // Foundation drops U+FEFF (a byte order mark) from the start of a string and after an
    // escape; the JSON keeps it. Compare the rest.
    let ours = Array(example.text.unicodeScalars).filter { $0 != "\u{FEFF}" }
    let theirs = Array(text.unicodeScalars).filter { $0 != "\u{FEFF}" }
    check(
      ours == theirs,
      "text \(example.text.debugDescription) but Foundation read \(text.debugDescription)")
  }
}

/// Whether `line` holds a `\u` escape in the surrogate range, `\uD800` to `\uDFFF`.
private func containsSurrogateEscape(_ line: [UInt8]) -> Bool {
  guard line.count >= 3 else { return false }
  for index in 0..<(line.count - 2)
  where line[index] == UInt8(ascii: "\\") && line[index + 1] == UInt8(ascii: "u")
    && (line[index + 2] | 0x20) == UInt8(ascii: "d")
  {
    return true
  }
  return false
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}
