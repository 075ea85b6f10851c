extension JSONLineParser {
  /// Parses a JSON array of labels (strings, numbers or booleans, as
  /// ``parseScalarText(what:)`` reads them); a `null` element is an error, since a list
  /// with a hole in it is more likely a bug than a label.
  ///
  /// - Parameter what: How to name the value in an error, such as `label "emotion"`.
  /// - Returns: The labels in file order, duplicates removed.
  mutating func parseLabelList(what: String) throws(JSONSyntaxError) -> [String] {
    try expect(UInt8(ascii: "["), "expected '[' to start \(what)")
    var labels = LabelListBuilder()
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      position += 1
      return []
    }
    while true {
      skipWhitespace()
      guard let label = try parseScalarText(what: "each element of \(what)") else {
        throw error("\(what) must not contain null")
      }
      guard labels.add(label) else { throw error(LabelListBuilder.tooManyProblem) }
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        position += 1
        continue
      }
      try expect(UInt8(ascii: "]"), "expected ',' or ']' in \(what)")
      return labels.labels
    }
  }
}
