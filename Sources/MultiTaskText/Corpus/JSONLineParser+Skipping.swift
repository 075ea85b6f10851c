extension JSONLineParser {
  /// Consumes one value of any kind without building it, checking its syntax.
  ///
  /// Containers are tracked on an explicit stack rather than by recursion, so hostile
  /// nesting produces an error at ``maximumDepth`` instead of a stack overflow.
  mutating func skipValue() throws(JSONSyntaxError) {
    var openContainers: [UInt8] = []
    while true {
      // Read one value; containers push and loop back for their first element.
      skipWhitespace()
      var openedContainer = false
      switch current {
      case UInt8(ascii: "\""):
        try skipString()
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        let opener = bytes[position]
        guard openContainers.count < Self.maximumDepth else {
          throw error("nesting deeper than \(Self.maximumDepth) levels")
        }
        position += 1
        skipWhitespace()
        let closer = opener == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if current == closer {
          position += 1
        } else {
          openContainers.append(opener)
          openedContainer = true
          if opener == UInt8(ascii: "{") { try skipKey(afterComma: false) }
        }
      case UInt8(ascii: "t"): try parseLiteral("true")
      case UInt8(ascii: "f"): try parseLiteral("false")
      case UInt8(ascii: "n"): try parseLiteral("null")
      case nil: throw error("expected a value")
      default: try skipNumber()
      }
      if openedContainer { continue }
      // A value is complete: close containers until one expects another element.
      var needsValue = false
      while let container = openContainers.last, !needsValue {
        skipWhitespace()
        if container == UInt8(ascii: "{") {
          if current == UInt8(ascii: ",") {
            position += 1
            try skipKey(afterComma: true)
            needsValue = true
          } else if current == UInt8(ascii: "}") {
            position += 1
            openContainers.removeLast()
          } else {
            throw error("expected ',' or '}' after object member")
          }
        } else {
          if current == UInt8(ascii: ",") {
            position += 1
            needsValue = true
          } else if current == UInt8(ascii: "]") {
            position += 1
            openContainers.removeLast()
          } else {
            throw error("expected ',' or ']' after array element")
          }
        }
      }
      if !needsValue { return }
    }
  }

  /// Consumes a member key and its colon inside a skipped object.
  private mutating func skipKey(afterComma: Bool) throws(JSONSyntaxError) {
    skipWhitespace()
    guard current == UInt8(ascii: "\"") else {
      throw error(afterComma ? "expected a string key after ','" : "expected a string key or '}'")
    }
    try skipString()
    try expect(UInt8(ascii: ":"), "expected ':' after object key")
  }
}
