/// A syntax error in one JSON line, at a 0-based byte offset.
struct JSONSyntaxError: Error, Equatable {
  /// The offset of the offending byte, or the line's length for an early end.
  var offset: Int
  /// What was wrong, in plain words.
  var problem: String
}

/// A small JSON scanner for one line of a JSONL file.
///
/// The reader pulls only the members it needs (text and labels) and skips everything else
/// without building values. Skipping is iterative, so deeply nested input cannot overflow
/// the stack, and every byte access is bounds-checked, so arbitrary bytes produce an error
/// rather than a crash. The input must already be valid UTF-8 (``LineDecoder`` sees to it).
struct JSONLineParser {
  /// Nesting deeper than this is reported as an error instead of being skipped.
  static let maximumDepth = 512

  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The byte at the current position, or `nil` at the end of the line.
  var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  func error(_ problem: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: position, problem: problem)
  }

  /// Skips whitespace and consumes `byte`, or fails with `problem`.
  mutating func expect(_ byte: UInt8, _ problem: String) throws(JSONSyntaxError) {
    skipWhitespace()
    guard current == byte else { throw error(problem) }
    position += 1
  }

  /// Consumes the opening brace of an object.
  mutating func beginObject() throws(JSONSyntaxError) {
    try expect(UInt8(ascii: "{"), "expected '{' to start a JSON object")
  }

  /// Reads the next member's key and the colon after it, or consumes the closing brace and
  /// returns `nil`.
  ///
  /// - Parameter isFirst: Whether no member of this object has been read yet.
  mutating func nextKey(isFirst: Bool) throws(JSONSyntaxError) -> String? {
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      position += 1
      return nil
    }
    if !isFirst {
      guard current == UInt8(ascii: ",") else {
        throw error("expected ',' or '}' after object member")
      }
      position += 1
      skipWhitespace()
    }
    guard current == UInt8(ascii: "\"") else {
      throw error(isFirst ? "expected a string key or '}'" : "expected a string key after ','")
    }
    let key = try parseString()
    try expect(UInt8(ascii: ":"), "expected ':' after object key")
    skipWhitespace()
    return key
  }

  /// Checks that nothing but whitespace follows the top-level value.
  mutating func finish() throws(JSONSyntaxError) {
    skipWhitespace()
    guard position == bytes.count else { throw error("unexpected text after the JSON object") }
  }

  /// Reads a string, number, boolean or null as label text; `null` gives `nil`.
  ///
  /// Numbers keep their literal spelling (`1`, `0.5`) so numeric labels read as text.
  ///
  /// - Parameter what: Names the value in the error for objects and arrays.
  mutating func parseScalarText(what: String) throws(JSONSyntaxError) -> String? {
    skipWhitespace()
    switch current {
    case UInt8(ascii: "\""):
      return try parseString()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      throw error("\(what) must be a string, number, boolean or null")
    case UInt8(ascii: "n"):
      try parseLiteral("null")
      return nil
    case UInt8(ascii: "t"):
      try parseLiteral("true")
      return "true"
    case UInt8(ascii: "f"):
      try parseLiteral("false")
      return "false"
    default:
      let start = position
      try skipNumber()
      return String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]),
        as: UTF8.self)
    }
  }

  /// Consumes `word` exactly.
  mutating func parseLiteral(_ word: StaticString) throws(JSONSyntaxError) {
    let start = position
    let count = word.utf8CodeUnitCount
    guard bytes.count - position >= count else {
      throw JSONSyntaxError(offset: start, problem: "expected a value")
    }
    for index in 0..<count where bytes[position + index] != word.utf8Start[index] {
      throw JSONSyntaxError(offset: start, problem: "expected a value")
    }
    position += count
  }

  /// Consumes a number in JSON's grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
  mutating func skipNumber() throws(JSONSyntaxError) {
    if current == UInt8(ascii: "-") { position += 1 }
    guard let first = current, isDigit(first) else { throw error("expected a value") }
    position += 1
    if first != UInt8(ascii: "0") { skipDigits() }
    if current == UInt8(ascii: ".") {
      position += 1
      guard let digit = current, isDigit(digit) else {
        throw error("expected a digit after the decimal point")
      }
      skipDigits()
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard let digit = current, isDigit(digit) else {
        throw error("expected a digit in the exponent")
      }
      skipDigits()
    }
  }

  private mutating func skipDigits() {
    while let byte = current, isDigit(byte) { position += 1 }
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
