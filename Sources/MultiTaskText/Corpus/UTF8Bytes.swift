/// Byte-level UTF-8 helpers: validation, character columns and encoding scalars.
///
/// Validation follows the table of well-formed byte sequences in the Unicode Standard
/// (section 3.9): no overlong forms, no surrogates, nothing above U+10FFFF. ASCII runs take a
/// fast path because corpora are mostly ASCII.
enum UTF8Bytes {
  /// Returns the offset of the first byte of the first ill-formed sequence, or `nil` when
  /// all of `bytes` is valid UTF-8.
  static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    var index = 0
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var lowerBound: UInt8 = 0x80
      var upperBound: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; lowerBound = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; upperBound = 0x9F
      case 0xF0: length = 4; lowerBound = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; upperBound = 0x8F
      default: return index
      }
      guard index + length <= count else { return index }
      let second = bytes[index + 1]
      guard second >= lowerBound && second <= upperBound else { return index }
      var offset = 2
      while offset < length {
        guard bytes[index + offset] & 0xC0 == 0x80 else { return index }
        offset += 1
      }
      index += length
    }
    return nil
  }

  /// The 1-based character column of a byte offset in valid UTF-8 text.
  ///
  /// Error messages count characters rather than bytes, so the column matches what an
  /// editor shows for non-ASCII lines and does not depend on the file's original encoding.
  static func column(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let end = min(max(offset, 0), bytes.count)
    var column = 1
    var index = 0
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return column
  }

  /// Appends the UTF-8 encoding of `scalar`; values that are not scalars become U+FFFD.
  static func append(scalar: UInt32, to output: inout [UInt8]) {
    var value = scalar
    if value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { value = 0xFFFD }
    if value < 0x80 {
      output.append(UInt8(value))
    } else if value < 0x800 {
      output.append(UInt8(0xC0 | (value >> 6)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    } else if value < 0x10000 {
      output.append(UInt8(0xE0 | (value >> 12)))
      output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    } else {
      output.append(UInt8(0xF0 | (value >> 18)))
      output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    }
  }
}
