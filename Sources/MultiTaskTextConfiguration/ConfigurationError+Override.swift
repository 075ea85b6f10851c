/// Errors in a value given with `--set` name the override, not the configuration file: the
/// file may be perfectly valid, and the user must fix the command line.
extension ConfigurationError {
  /// The key path a value error is about, when it has one.
  var valueKey: String? {
    switch self {
    case .wrongType(_, let key, _, _), .outOfRange(_, let key, _, _),
      .invalidChoice(_, let key, _, _), .unknownKey(_, let key, _, _):
      return key
    default:
      return nil
    }
  }

  /// This error labelled `--set OVERRIDE` instead of the file's name.
  func labelled(byOverride text: String) -> ConfigurationError {
    let label = "--set \(text)"
    switch self {
    case .wrongType(_, let key, let expected, let found):
      return .wrongType(path: label, key: key, expected: expected, found: found)
    case .outOfRange(_, let key, let expected, let found):
      return .outOfRange(path: label, key: key, expected: expected, found: found)
    case .invalidChoice(_, let key, let choices, let found):
      return .invalidChoice(path: label, key: key, choices: choices, found: found)
    case .unknownKey(_, let key, let suggestion, let validKeys):
      return .unknownKey(path: label, key: key, suggestion: suggestion, validKeys: validKeys)
    default:
      return self
    }
  }
}
