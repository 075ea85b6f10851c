import MultiTaskText

/// Writes a tokenized document as the JSON line `mtl tokenize --format jsonl` prints.
///
/// The CLI writes through its own output writer; this copy of its few lines keeps the C
/// library free of the CLI target, and the Python tests compare the two outputs byte for byte.
enum TokenJSON {
  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `{"tokens":[...]}` and a newline.
  static func appendLine(of tokenized: TokenizedText, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: #"{"tokens":["#.utf8)
    for (index, token) in tokenized.tokens.enumerated() {
      bytes.append(contentsOf: (index > 0 ? #",{"text":""# : #"{"text":""#).utf8)
      tokenized.withUTF8(of: token) { appendEscaped($0, to: &bytes) }
      bytes.append(contentsOf: #"","kind":""#.utf8)
      bytes.append(contentsOf: token.kind.rawValue.utf8)
      bytes.append(
        contentsOf:
          #"","start":\#(token.originalRange.lowerBound),"end":\#(token.originalRange.upperBound)}"#
          .utf8)
    }
    bytes.append(UInt8(ascii: "]"))
    if tokenized.invalidByteCount > 0 {
      bytes.append(contentsOf: #","invalidBytes":\#(tokenized.invalidByteCount)"#.utf8)
    }
    bytes.append(contentsOf: "}\n".utf8)
  }

  private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [92, byte])
      case UInt8(ascii: "\n"): bytes.append(contentsOf: [92, UInt8(ascii: "n")])
      case UInt8(ascii: "\t"): bytes.append(contentsOf: [92, UInt8(ascii: "t")])
      case UInt8(ascii: "\r"): bytes.append(contentsOf: [92, UInt8(ascii: "r")])
      case 0..<0x20:
        bytes.append(contentsOf: Array(#"\u00"#.utf8))
        bytes.append(hexDigits[Int(byte >> 4)])
        bytes.append(hexDigits[Int(byte & 15)])
      default: bytes.append(byte)
      }
    }
  }
}
