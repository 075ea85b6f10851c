import MultiTaskText

/// A `key.path=value` setting from the command line that replaces one value of a
/// configuration document before it is decoded, so overridden values are checked exactly
/// like values written in the file.
///
/// A segment that meets the `tasks` list picks the task with that name
/// (`tasks.topic.weight=2`), or else the task at that 0-based position. The value is read as
/// a YAML scalar: `10` is an integer, `0.1` a number, `true` a boolean, anything else a string;
/// quotes force a string, `[a, b]` is a list, and an empty value removes the key so its
/// default applies.
struct ConfigurationOverride: Sendable, Equatable {
  /// The override as written.
  let text: String
  /// The key path, split at dots.
  let keys: [String]
  /// The new value.
  let value: ConfigurationValue

  /// Parses `key.path=value`.
  ///
  /// - Throws: ``ConfigurationError/invalidOverride(path:override:problem:)`` when there is
  ///   no `=`, the key path has an empty segment, or a quoted or bracketed value is malformed.
  init(_ text: String, sourceName: String) throws(ConfigurationError) {
    guard let equals = text.firstIndex(of: "=") else {
      throw .invalidOverride(
        path: sourceName, override: text, problem: "expected the form key.path=value")
    }
    let keyPath = text[..<equals].trimmingSpaces
    let keys = keyPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if keyPath.isEmpty || keys.contains(where: \.isEmpty) {
      throw .invalidOverride(
        path: sourceName, override: text, problem: "the key path \"\(keyPath)\" has an empty part")
    }
    let valueText = text[text.index(after: equals)...].trimmingSpaces
    self.text = text
    self.keys = keys
    if let first = valueText.first, "[{\"'".contains(first) {
      do {
        value = try ConfigurationDocument.parse(valueText, format: .yaml, sourceName: sourceName)
      } catch {
        throw .invalidOverride(
          path: sourceName, override: text, problem: "the value is not valid YAML")
      }
    } else {
      value = ConfigurationValue(plainScalar: valueText)
    }
  }

  /// Sets the value in `document`, creating mappings along the way as needed.
  /// Whether this override sets the key path `key` as an error names it (`training.epochs`,
  /// `tasks[1].weight`), a task being named either by its name or by its position.
  func names(_ key: String, in document: ConfigurationValue) -> Bool {
    let dotted = keys.joined(separator: ".")
    if dotted == key { return true }
    guard keys.count >= 2, keys[0] == "tasks", case .mapping(let root)? = Optional(document),
      let tasksValue = root.last(where: { $0.key == "tasks" })?.value,
      case .list(let tasks) = tasksValue
    else { return false }
    for (index, task) in tasks.enumerated() {
      guard case .mapping(let entries) = task,
        let name = entries.last(where: { $0.key == "name" })?.value,
        case .string(let text) = name, text == keys[1] || "\(index)" == keys[1]
      else { continue }
      let indexed = (["tasks[\(index)]"] + keys.dropFirst(2)).joined(separator: ".")
      return indexed == key
    }
    return false
  }

  func apply(
    to document: inout ConfigurationValue, sourceName: String
  ) throws(ConfigurationError) {
    document = try replacing(in: document, depth: 0, sourceName: sourceName)
  }

  /// `node` with the value at `keys[depth...]` replaced.
  private func replacing(
    in node: ConfigurationValue, depth: Int, sourceName: String
  ) throws(ConfigurationError) -> ConfigurationValue {
    let key = keys[depth]
    let isLast = depth == keys.count - 1
    switch node {
    case .mapping(var entries):
      let index = entries.lastIndex { $0.key == key }
      let child = index.map { entries[$0].value } ?? .null
      let replaced =
        isLast
        ? value
        : try replacing(
          in: child == .null ? .mapping([]) : child, depth: depth + 1, sourceName: sourceName)
      if let index {
        entries[index].value = replaced
      } else {
        entries.append(ConfigurationEntry(key: key, value: replaced))
      }
      return .mapping(entries)
    case .list(var elements):
      let nameKey = TaskConfiguration.nameSetting.key
      let byName = elements.firstIndex {
        $0.entries?.last { $0.key == nameKey }?.value == .string(key)
      }
      guard let index = byName ?? Int(key).flatMap({ elements.indices.contains($0) ? $0 : nil })
      else {
        throw .invalidOverride(
          path: sourceName, override: text,
          problem: "\"\(prefix(depth))\" has no entry named \"\(key)\"")
      }
      elements[index] =
        isLast
        ? value : try replacing(in: elements[index], depth: depth + 1, sourceName: sourceName)
      return .list(elements)
    default:
      throw .invalidOverride(
        path: sourceName, override: text,
        problem: "\"\(prefix(depth))\" is \(node.found), not a mapping")
    }
  }

  /// The key path up to, not including, `keys[depth]`.
  private func prefix(_ depth: Int) -> String {
    keys[..<depth].joined(separator: ".")
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
