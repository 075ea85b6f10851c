/// The few JSON pieces prediction lines are made of, appended to a byte buffer without
/// formatting a `String`: prediction writes several per task per document.
enum JSONBytes {
  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `text` as a JSON string, quotes included, escaping quotes, backslashes and
  /// control characters.
  static func appendString(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var copy = text
    copy.withUTF8 { appendEscaped($0, to: &bytes) }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends the inside of a JSON string.
  static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(byte)
      case UInt8(ascii: "\n"):
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "n"))
      case UInt8(ascii: "\t"):
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "t"))
      case UInt8(ascii: "\r"):
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "r"))
      case 0..<0x20:
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(hexDigits[Int(byte >> 4)])
        bytes.append(hexDigits[Int(byte & 15)])
      default:
        bytes.append(byte)
      }
    }
  }

  /// Appends a probability in [0, 1] with five decimals (`0.97123`); NaN is written as 0.
  static func appendProbability(_ value: Float, to bytes: inout [UInt8]) {
    let clamped = value.isNaN ? 0 : min(max(Double(value), 0), 1)
    let scaled = Int((clamped * 100_000).rounded())
    bytes.append(UInt8(ascii: "0") + UInt8(scaled / 100_000))
    appendDecimals(scaled % 100_000, highestPlace: 10_000, to: &bytes)
  }

  /// Appends a signed number with four decimals (`-1.7312`), for contributions, which are
  /// log-odds and not bounded; a value that is not finite is written as 0.
  static func appendSigned(_ value: Double, to bytes: inout [UInt8]) {
    let finite = value.isFinite ? value : 0
    let scaled = Int((abs(finite) * 10_000).rounded())
    if finite < 0 && scaled > 0 { bytes.append(UInt8(ascii: "-")) }
    bytes.append(contentsOf: String(scaled / 10_000).utf8)
    appendDecimals(scaled % 10_000, highestPlace: 1_000, to: &bytes)
  }

  /// Appends a point and the digits of `fraction` from the `highestPlace` (a power of ten)
  /// down, leading zeros included: `appendDecimals(42, highestPlace: 1_000)` appends `.0042`.
  private static func appendDecimals(
    _ fraction: Int, highestPlace: Int, to bytes: inout [UInt8]
  ) {
    bytes.append(UInt8(ascii: "."))
    var divisor = highestPlace
    var fraction = fraction
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
      fraction %= divisor
      divisor /= 10
    }
  }

  /// Appends an ASCII literal.
  static func append(_ text: StaticString, to bytes: inout [UInt8]) {
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }
}
