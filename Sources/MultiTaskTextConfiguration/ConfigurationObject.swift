import MultiTaskText

/// One mapping of a configuration document being decoded, with the key path that leads to
/// it, so every error it throws names the full key (`training.epochs`) and the file.
///
/// A key whose value is `null` (`dev:` with nothing after it in YAML) counts as absent.
struct ConfigurationObject {
  /// The mapping's entries in file order.
  let entries: [ConfigurationEntry]
  /// The key path of the mapping itself: empty for the document, `training`, `tasks[0]`.
  let keyPath: String
  /// What the whole document shares: its file name, its folder, the corpus defaults.
  let context: ConfigurationContext

  /// The configuration file's path, for error messages.
  var sourceName: String { context.sourceName }

  /// Wraps `value`, which must be a mapping.
  init(
    _ value: ConfigurationValue, keyPath: String, context: ConfigurationContext
  ) throws(ConfigurationError) {
    guard let entries = value.entries else {
      throw .wrongType(
        path: context.sourceName, key: keyPath, expected: "a mapping", found: value.found)
    }
    self.entries = entries
    self.keyPath = keyPath
    self.context = context
  }

  /// The full key path of `key` inside this mapping.
  func path(_ key: String) -> String {
    keyPath.isEmpty ? key : "\(keyPath).\(key)"
  }

  /// The value of `key`, or `nil` when it is absent or null.
  subscript(key: String) -> ConfigurationValue? {
    guard let value = entries.last(where: { $0.key == key })?.value, value != .null else {
      return nil
    }
    return value
  }

  /// Rejects the first key not in `allowed`, suggesting the closest allowed key.
  func checkKeys(_ allowed: [String]) throws(ConfigurationError) {
    for entry in entries where !allowed.contains(entry.key) {
      throw .unknownKey(
        path: sourceName, key: path(entry.key),
        suggestion: ConfigurationKeySuggestion.closest(to: entry.key, among: allowed),
        validKeys: allowed)
    }
  }

  /// The nested mapping under `key`; an empty one when the key is absent.
  func object(_ key: String) throws(ConfigurationError) -> ConfigurationObject {
    try ConfigurationObject(self[key] ?? .mapping([]), keyPath: path(key), context: context)
  }

  /// `path` made absolute against the configuration file's folder.
  func resolve(_ path: String) -> String {
    RunConfiguration.resolve(path, against: context.baseDirectory)
  }

  /// The integer under `key`, or `nil` when absent. Whole numbers written as `50.0` count.
  func integer(_ key: String) throws(ConfigurationError) -> Int? {
    guard let value = self[key] else { return nil }
    switch value {
    case .integer(let integer):
      return integer
    case .number(let number) where number.rounded() == number && abs(number) < 0x1p62:
      return Int(number)
    default:
      throw wrongType(key, expected: "an integer", found: value)
    }
  }

  /// The integer under `key` if it follows `rule`, or `nil` when absent.
  func integer(_ key: String, _ rule: ConfigurationRule<Int>) throws(ConfigurationError) -> Int? {
    guard let value = try integer(key) else { return nil }
    try check(value, rule, key)
    return value
  }

  /// The number under `key` if it follows `rule`, or `nil` when absent.
  func number(
    _ key: String, _ rule: ConfigurationRule<Double>
  ) throws(ConfigurationError) -> Double? {
    guard let value = try number(key) else { return nil }
    try check(value, rule, key)
    return value
  }

  /// Fails when `value`, read from `key`, breaks `rule`, showing the value as written.
  private func check<Value>(
    _ value: Value, _ rule: ConfigurationRule<Value>, _ key: String
  ) throws(ConfigurationError) {
    if let expected = rule.violation(value) {
      try require(false, key, expected: expected)
    }
  }

  /// The number under `key`, or `nil` when absent; integers count as numbers.
  func number(_ key: String) throws(ConfigurationError) -> Double? {
    guard let value = self[key] else { return nil }
    switch value {
    case .integer(let integer): return Double(integer)
    case .number(let number): return number
    default: throw wrongType(key, expected: "a number", found: value)
    }
  }

  /// The boolean under `key`, or `nil` when absent.
  func bool(_ key: String) throws(ConfigurationError) -> Bool? {
    guard let value = self[key] else { return nil }
    guard case .bool(let bool) = value else {
      throw wrongType(key, expected: "true or false", found: value)
    }
    return bool
  }

  /// The string under `key`, or `nil` when absent.
  func string(_ key: String) throws(ConfigurationError) -> String? {
    guard let value = self[key] else { return nil }
    guard case .string(let string) = value else {
      throw wrongType(key, expected: "a string", found: value)
    }
    return string
  }

  /// The string under `key`, which must be one of `choices`; `nil` when absent.
  func choice(_ key: String, among choices: [String]) throws(ConfigurationError) -> String? {
    guard let name = try string(key) else { return nil }
    guard choices.contains(name) else {
      throw .invalidChoice(path: sourceName, key: path(key), choices: choices, found: name)
    }
    return name
  }

  /// The enumeration case named under `key`, or `nil` when absent.
  func choice<Choice: RawRepresentable & CaseIterable>(
    _ key: String, of type: Choice.Type = Choice.self
  ) throws(ConfigurationError) -> Choice? where Choice.RawValue == String {
    let choices = Choice.allCases.map(\.rawValue)
    return try choice(key, among: choices).flatMap(Choice.init(rawValue:))
  }

  /// Fails unless `isValid`, reporting the value of `key` as written (or `found`) as outside
  /// `expected`.
  func require(
    _ isValid: Bool, _ key: String, expected: String, found: String? = nil
  ) throws(ConfigurationError) {
    if !isValid {
      throw .outOfRange(
        path: sourceName, key: path(key), expected: expected,
        found: found ?? self[key]?.found ?? "nothing")
    }
  }

  /// A wrong-type error for `key`.
  func wrongType(
    _ key: String, expected: String, found value: ConfigurationValue
  ) -> ConfigurationError {
    .wrongType(path: sourceName, key: path(key), expected: expected, found: value.found)
  }
}
