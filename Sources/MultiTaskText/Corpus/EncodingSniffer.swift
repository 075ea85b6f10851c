/// Looks at the first bytes of a corpus file for signs that it is not text at all.
///
/// A UTF-16 file read as UTF-8 or a binary file read as text does not fail loudly by itself:
/// its bytes decode to nonsense (with U+FFFD repairs) or to JSON syntax errors far from the
/// cause. Both are easy to recognise from a prefix, because text never holds NUL bytes:
/// UTF-16 starts with a byte order mark or has a NUL in every other byte, and binary formats
/// are dense in NUL and other control bytes. A text file with a stray NUL here and there is
/// left to the line decoder, which reports (or skips) just those lines.
enum EncodingSniffer {
  /// What the prefix looks like.
  enum Finding: Equatable {
    /// Nothing suspicious.
    case text
    /// UTF-16, with or without a byte order mark; `line` is where the evidence is.
    case utf16(line: Int)
    /// A NUL byte on `line` at 0-based `offset` from the start of that line.
    case binary(line: Int, offset: Int)
  }

  /// Classifies the first bytes of a file.
  ///
  /// - Parameter bytes: A prefix of the file; 64 KiB is plenty.
  static func inspect(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding {
    if bytes.count >= 2,
      (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      return .utf16(line: 1)
    }
    guard let firstNul = bytes.firstIndex(of: 0) else { return .text }
    var evenNuls = 0
    var oddNuls = 0
    for index in bytes.indices where bytes[index] == 0 {
      if index & 1 == 0 { evenNuls += 1 } else { oddNuls += 1 }
    }
    let nuls = evenNuls + oddNuls
    // UTF-16 text in a Latin script is about half NUL bytes, nearly all on one parity.
    if nuls * 4 >= bytes.count && max(evenNuls, oddNuls) * 10 >= nuls * 9 {
      return .utf16(line: 1)
    }
    // Random or compressed bytes are about 10% controls; text has next to none.
    var controls = 0
    for byte in bytes where Self.isBinaryControl(byte) { controls += 1 }
    guard controls * 20 >= bytes.count else { return .text }
    var line = 1
    var lineStart = 0
    for index in 0..<firstNul where bytes[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    return .binary(line: line, offset: firstNul - lineStart)
  }

  /// C0 controls that text does not use: all but tab, line feed, vertical tab, form feed,
  /// carriage return and escape (which ANSI-coloured logs contain).
  private static func isBinaryControl(_ byte: UInt8) -> Bool {
    byte < 0x20 && !(0x09...0x0D).contains(byte) && byte != 0x1B
  }
}
