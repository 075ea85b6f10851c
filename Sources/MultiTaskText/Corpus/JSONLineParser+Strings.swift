extension JSONLineParser {
  /// Reads a string starting at its opening quote, decoding every escape.
  ///
  /// Strings without escapes are sliced straight from the line. `\uXXXX` pairs of UTF-16
  /// surrogates combine into one scalar; a lone surrogate becomes U+FFFD, as strict JSON
  /// decoders do.
  mutating func parseString() throws(JSONSyntaxError) -> String {
    position += 1
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("unescaped control character in string") }
      position += 1
    }
    var scratch = Array(bytes[start..<position])
    while true {
      guard let byte = current else { throw error("unterminated string") }
      if byte == UInt8(ascii: "\"") {
        position += 1
        return String(decoding: scratch, as: UTF8.self)
      }
      if byte < 0x20 { throw error("unescaped control character in string") }
      if byte == UInt8(ascii: "\\") {
        try parseEscape(into: &scratch)
      } else {
        scratch.append(byte)
        position += 1
      }
    }
  }

  /// Consumes a string starting at its opening quote without building it.
  mutating func skipString() throws(JSONSyntaxError) {
    position += 1
    while let byte = current {
      if byte == UInt8(ascii: "\"") {
        position += 1
        return
      }
      if byte < 0x20 { throw error("unescaped control character in string") }
      if byte == UInt8(ascii: "\\") {
        let escapeStart = position
        position += 1
        guard let kind = current else { throw error("unterminated string") }
        if kind == UInt8(ascii: "u") {
          position += 1
          _ = try readHexQuad(escapeStart: escapeStart)
        } else if Self.simpleEscape(kind) != nil {
          position += 1
        } else {
          throw JSONSyntaxError(offset: escapeStart, problem: "invalid escape sequence")
        }
      } else {
        position += 1
      }
    }
    throw error("unterminated string")
  }

  /// Decodes the escape at the current backslash and appends its UTF-8 bytes.
  private mutating func parseEscape(into scratch: inout [UInt8]) throws(JSONSyntaxError) {
    let escapeStart = position
    position += 1
    guard let kind = current else { throw error("unterminated string") }
    if let simple = Self.simpleEscape(kind) {
      scratch.append(simple)
      position += 1
      return
    }
    guard kind == UInt8(ascii: "u") else {
      throw JSONSyntaxError(offset: escapeStart, problem: "invalid escape sequence")
    }
    position += 1
    let unit = try readHexQuad(escapeStart: escapeStart)
    var scalar = UInt32(0xFFFD)
    switch unit {
    case 0xD800...0xDBFF:
      if let low = peekLowSurrogate() {
        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        position += 6
      }
    case 0xDC00...0xDFFF:
      break
    default:
      scalar = UInt32(unit)
    }
    UTF8Bytes.append(scalar: scalar, to: &scratch)
  }

  /// The low surrogate of a `\uDC00`–`\uDFFF` escape right at the current position.
  private func peekLowSurrogate() -> UInt16? {
    guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"),
      bytes[position + 1] == UInt8(ascii: "u")
    else { return nil }
    var value: UInt16 = 0
    for index in (position + 2)..<(position + 6) {
      guard let digit = Self.hexValue(bytes[index]) else { return nil }
      value = value << 4 | UInt16(digit)
    }
    return (0xDC00...0xDFFF).contains(value) ? value : nil
  }

  /// Reads the four hex digits of a `\u` escape.
  private mutating func readHexQuad(escapeStart: Int) throws(JSONSyntaxError) -> UInt16 {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = Self.hexValue(byte) else {
        throw JSONSyntaxError(
          offset: escapeStart, problem: "expected four hex digits after \\u")
      }
      value = value << 4 | UInt16(digit)
      position += 1
    }
    return value
  }

  private static func simpleEscape(_ kind: UInt8) -> UInt8? {
    switch kind {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return kind
    case UInt8(ascii: "b"): return 0x08
    case UInt8(ascii: "f"): return 0x0C
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "r"): return 0x0D
    case UInt8(ascii: "t"): return 0x09
    default: return nil
    }
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
