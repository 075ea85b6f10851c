import Yams

/// Converts a composed YAML tree to a ``ConfigurationValue``, refusing aliases and counting
/// values so the result stays within ``ConfigurationLimits/maximumValues``.
///
/// Yams hands an alias back as the very node its anchor names, so an alias shows up as a
/// second visit of an anchored node. The anchors are owned by the `Parser`, which must
/// outlive the conversion.
struct YAMLConversion {
  /// The name errors start with.
  let sourceName: String
  private var visitedAnchors: Set<ObjectIdentifier> = []
  private var valueCount = 0

  init(sourceName: String) {
    self.sourceName = sourceName
  }

  /// The configuration value of `node` and everything below it.
  mutating func value(of node: Node) throws(ConfigurationError) -> ConfigurationValue {
    try count(node)
    switch node {
    case .scalar(let scalar):
      return scalar.style == .plain
        ? ConfigurationValue(plainScalar: scalar.string) : .string(scalar.string)
    case .sequence(let sequence):
      var values: [ConfigurationValue] = []
      for element in sequence { values.append(try value(of: element)) }
      return .list(values)
    case .mapping(let mapping):
      var entries: [ConfigurationEntry] = []
      for (key, element) in mapping {
        guard case .scalar(let keyScalar) = key else {
          throw .syntax(
            path: sourceName, line: key.mark?.line, column: key.mark?.column,
            problem: "mapping keys must be plain names")
        }
        try count(key)
        entries.append(ConfigurationEntry(key: keyScalar.string, value: try value(of: element)))
      }
      return .mapping(entries)
    case .alias:
      throw aliasError(node, anchor: nil)
    }
  }

  /// Counts one value and refuses a second visit of an anchored node (an alias).
  private mutating func count(_ node: Node) throws(ConfigurationError) {
    if let anchor = anchor(of: node) {
      guard visitedAnchors.insert(ObjectIdentifier(anchor)).inserted else {
        throw aliasError(node, anchor: anchor)
      }
    }
    valueCount += 1
    if valueCount > ConfigurationLimits.maximumValues {
      throw .syntax(
        path: sourceName, line: node.mark?.line, column: node.mark?.column,
        problem:
          "the document holds more than \(ConfigurationLimits.maximumValues) values, "
          + "the most a configuration may have")
    }
  }

  private func anchor(of node: Node) -> Yams.Anchor? {
    switch node {
    case .scalar(let scalar): return scalar.anchor
    case .sequence(let sequence): return sequence.anchor
    case .mapping(let mapping): return mapping.anchor
    case .alias: return nil
    }
  }

  private func aliasError(_ node: Node, anchor: Yams.Anchor?) -> ConfigurationError {
    let name = anchor.map { " (*\($0.rawValue))" } ?? ""
    let place = node.mark.map { " to the anchor at line \($0.line), column \($0.column)" } ?? ""
    return .syntax(
      path: sourceName, line: nil, column: nil,
      problem:
        "YAML aliases are not supported: an alias\(name) refers\(place); "
        + "write the value out where it is needed")
  }
}
