// Fuzzes ModelFile.decode on arbitrary bytes.
//
// Almost every mutation breaks the CRC-32C at the end of the file, which would stop the fuzzer at
// the checksum. So each input is decoded twice: as given, and with the checksum of the END
// section recomputed, which lets mutations reach the manifest, vocabulary and matrix readers.
// A model that decodes must re-encode to bytes that decode to a model with the same bytes.
import FuzzDriver
import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// Set `MTL_FUZZ_VERBOSE=1` to print why each input was rejected, when checking seeds.
private let verbose = getenv("MTL_FUZZ_VERBOSE") != nil

/// The entry point SwiftPM links as `main`; hands control to libFuzzer.
@_cdecl("FuzzModelFile_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
  -> CInt
{
  mtl_fuzz_main(argc, argv) { data, size in data.map { fuzz($0, size) } ?? 0 }
}

/// libFuzzer's per-input callback: decodes `data` as a model file, as given and with its
/// checksum repaired, and stops the process when a model that decodes does not round-trip.
///
/// - Parameters:
///   - data: The bytes of a candidate model file.
///   - size: The number of bytes at `data`.
/// - Returns: 0, as libFuzzer requires of an input it may keep in the corpus.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  checkRoundTrip(bytes)
  if let repaired = withRepairedChecksum(bytes), repaired != bytes {
    checkRoundTrip(repaired)
  }
  return 0
}

/// Decodes `bytes`; when that succeeds, checks that encoding is stable.
private func checkRoundTrip(_ bytes: [UInt8]) {
  let model: MultiTaskModel
  do {
    model = try ModelFile.decode(bytes, path: "fuzz.mtl")
  } catch {
    if verbose { print("rejected: \(error)") }
    return
  }
  if verbose { print("decoded a model with \(model.vocabulary.count) words") }
  let encoded: [UInt8]
  do {
    encoded = try ModelFile.encode(model)
  } catch {
    fatalError("a decoded model failed to encode: \(error)")
  }
  let reloaded: MultiTaskModel
  do {
    reloaded = try ModelFile.decode(encoded, path: "fuzz.mtl")
  } catch {
    fatalError("a re-encoded model failed to decode: \(error)")
  }
  // Compare bytes rather than models: weights may be NaN, which is never equal to itself.
  guard let again = try? ModelFile.encode(reloaded), again == encoded else {
    fatalError("encode(decode(encode(model))) differs from encode(model)")
  }
}

/// Returns `bytes` with the END section's checksum recomputed, or `nil` when the section walk
/// does not reach an END section. The walk mirrors the reader's: magic, version, then sections of
/// tag, 64-bit length and payload.
private func withRepairedChecksum(_ bytes: [UInt8]) -> [UInt8]? {
  func uint32(at offset: Int) -> UInt32 {
    (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
  }
  func uint64(at offset: Int) -> UInt64 {
    UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
  }
  let endTag = uint32Tag("END ")
  var offset = 8
  while offset + 12 <= bytes.count {
    let tag = uint32(at: offset)
    let length = uint64(at: offset + 4)
    let payload = offset + 12
    guard length <= UInt64(bytes.count - payload) else { return nil }
    if tag == endTag {
      guard length == 4 else { return nil }
      var repaired = bytes
      let checksum = Checksum.of(bytes[0..<payload])
      for index in 0..<4 {
        repaired[payload + index] = UInt8(truncatingIfNeeded: checksum >> (8 * index))
      }
      return repaired
    }
    offset = payload + Int(length)
  }
  return nil
}

private func uint32Tag(_ text: String) -> UInt32 {
  text.utf8.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) }
}
