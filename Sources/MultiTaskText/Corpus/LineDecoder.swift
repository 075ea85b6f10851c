#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns one raw line of a file into valid UTF-8 bytes.
///
/// Runs before any format parsing, so parsers only ever see UTF-8. UTF-8 input is copied
/// when valid and repaired to U+FFFD when not (or rejected in strict mode); the byte order
/// mark is dropped from the first line. Windows-1252 and Latin-1 map byte by byte. A line
/// with a NUL byte is never text, in any of these encodings, and is reported as binary.
struct LineDecoder {
  /// What happened to a line.
  enum Outcome: Equatable {
    /// The line was valid in its encoding.
    case decoded
    /// The line held invalid UTF-8, now replaced by U+FFFD.
    case repaired
    /// The line held invalid UTF-8 at this 0-based byte offset and was left undecoded.
    case invalid(offset: Int)
    /// The line held a NUL byte at this 0-based offset: binary data, left undecoded.
    case binary(offset: Int)
  }

  let encoding: CorpusEncoding
  let strict: Bool

  /// Decodes `raw` into `output`, replacing its contents.
  ///
  /// - Parameters:
  ///   - raw: The line's bytes without the line ending.
  ///   - isFirstLine: Whether a UTF-8 byte order mark may be present.
  ///   - output: Receives valid UTF-8; its capacity is reused from line to line.
  func decode(_ raw: UnsafeRawBufferPointer, isFirstLine: Bool, into output: inout [UInt8])
    -> Outcome
  {
    output.removeAll(keepingCapacity: true)
    var bytes = UnsafeBufferPointer(
      start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
    if let base = raw.baseAddress, let nul = memchr(base, 0, raw.count) {
      return .binary(offset: base.distance(to: UnsafeRawPointer(nul)))
    }
    switch encoding {
    case .utf8:
      if isFirstLine, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
        bytes = UnsafeBufferPointer(rebasing: bytes[3...])
      }
      guard let offset = UTF8Bytes.firstInvalidOffset(in: bytes) else {
        output.append(contentsOf: bytes)
        return .decoded
      }
      if strict { return .invalid(offset: offset) }
      output.append(contentsOf: String(decoding: bytes, as: UTF8.self).utf8)
      return .repaired
    case .latin1:
      for byte in bytes { UTF8Bytes.append(scalar: UInt32(byte), to: &output) }
      return .decoded
    case .windows1252:
      for byte in bytes {
        if byte >= 0x80 && byte < 0xA0 {
          UTF8Bytes.append(scalar: UInt32(Self.windows1252High[Int(byte) - 0x80]), to: &output)
        } else {
          UTF8Bytes.append(scalar: UInt32(byte), to: &output)
        }
      }
      return .decoded
    }
  }

  /// Unicode scalars for Windows-1252 bytes 0x80–0x9F. The five bytes the code page leaves
  /// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as
  /// the WHATWG encoding standard does.
  static let windows1252High: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
  ]
}
