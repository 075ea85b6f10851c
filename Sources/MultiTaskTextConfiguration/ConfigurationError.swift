import MultiTaskText

/// Why a pipeline configuration could not be used, naming the file and the key path.
///
/// Key paths are written as in the file, with list positions in brackets
/// (`tasks[0].train`), so a message points straight at the line to fix. Every description
/// starts with the configuration file's path.
public enum ConfigurationError: Error, Sendable, Equatable {
  /// The configuration file could not be read.
  case unreadableFile(path: String, reason: String)
  /// The file is not well-formed YAML or JSON; `line` and `column` are 1-based when known.
  case syntax(path: String, line: Int?, column: Int?, problem: String)
  /// A key the configuration does not define, with the closest valid key when one is near.
  case unknownKey(path: String, key: String, suggestion: String?, validKeys: [String])
  /// A value of the wrong kind, such as a string where an integer belongs.
  case wrongType(path: String, key: String, expected: String, found: String)
  /// A value outside its allowed range.
  case outOfRange(path: String, key: String, expected: String, found: String)
  /// A name that is not one of the accepted choices.
  case invalidChoice(path: String, key: String, choices: [String], found: String)
  /// A required key that is absent.
  case missingKey(path: String, key: String)
  /// A `tasks` list that is empty.
  case noTasks(path: String)
  /// A task name used twice; `key` is the second occurrence.
  case duplicateTaskName(path: String, key: String, name: String)
  /// A task name with characters other than letters, digits, `_` and `-`.
  case invalidTaskName(path: String, key: String, name: String)
  /// `features.minn` greater than `features.maxn`.
  case emptyCharacterNgramRange(path: String, minn: Int, maxn: Int)
  /// A key whose presence contradicts another key.
  case conflictingKeys(path: String, key: String, problem: String)
  /// A corpus path whose format is not given and cannot be told from its extension.
  case unknownCorpusFormat(path: String, key: String, file: String)
  /// Corpus settings under `key` that cannot read any record, such as an empty field name.
  case invalidCorpusSettings(path: String, key: String, problem: String)
  /// A `key.path=value` override that is malformed or addresses nothing.
  case invalidOverride(path: String, override: String, problem: String)
  /// A corpus file named by `key` that does not exist.
  case missingDataFile(path: String, key: String, file: String)
  /// A corpus file named by `key` that exists but is not a readable regular file.
  case unreadableDataFile(path: String, key: String, file: String, problem: String)

  /// The configuration file the error is about.
  public var path: String {
    switch self {
    case .unreadableFile(let path, _), .syntax(let path, _, _, _),
      .unknownKey(let path, _, _, _), .wrongType(let path, _, _, _),
      .outOfRange(let path, _, _, _), .invalidChoice(let path, _, _, _),
      .missingKey(let path, _), .noTasks(let path), .duplicateTaskName(let path, _, _),
      .invalidTaskName(let path, _, _), .emptyCharacterNgramRange(let path, _, _),
      .conflictingKeys(let path, _, _), .unknownCorpusFormat(let path, _, _),
      .invalidCorpusSettings(let path, _, _), .invalidOverride(let path, _, _),
      .missingDataFile(let path, _, _),
      .unreadableDataFile(let path, _, _, _):
      return path
    }
  }
}

extension ConfigurationError: CustomStringConvertible {
  /// A one-line explanation for a terminal, starting with the configuration file's path.
  public var description: String {
    "\(path): \(problem)"
  }

  /// The explanation without the file path.
  private var problem: String {
    switch self {
    case .unreadableFile(_, let reason):
      return "cannot read the configuration file: \(reason)"
    case .syntax(_, let line, let column, let problem):
      switch (line, column) {
      case (let line?, let column?):
        return "syntax error at line \(line), column \(column): \(problem)"
      case (let line?, nil): return "syntax error at line \(line): \(problem)"
      default: return "syntax error: \(problem)"
      }
    case .unknownKey(_, let key, let suggestion, let validKeys):
      if let suggestion { return "unknown key \(quoted(key)); did you mean \(quoted(suggestion))?" }
      return "unknown key \(quoted(key)); valid keys are \(list(validKeys))"
    case .wrongType(_, "", let expected, let found):
      return "the configuration must be \(expected), found \(found)"
    case .wrongType(_, let key, let expected, let found),
      .outOfRange(_, let key, let expected, let found):
      return "\(quoted(key)) must be \(expected), found \(found)"
    case .invalidChoice(_, let key, let choices, let found):
      return "\(quoted(key)) must be one of \(list(choices)), found \(quoted(found))"
    case .missingKey(_, let key):
      return "\(quoted(key)) is required"
    case .noTasks:
      return "\"tasks\" must list at least one task"
    case .duplicateTaskName(_, let key, let name):
      return "\(quoted(key)): duplicate task name \(quoted(name))"
    case .invalidTaskName(_, let key, let name):
      return
        "\(quoted(key)) must contain only letters, digits, \"_\" and \"-\", found \(quoted(name))"
    case .emptyCharacterNgramRange(_, let minn, let maxn):
      return "\"features.minn\" (\(minn)) must not exceed \"features.maxn\" (\(maxn))"
    case .conflictingKeys(_, let key, let problem):
      return "\(quoted(key)) \(problem)"
    case .unknownCorpusFormat(_, let key, let file):
      return "\(quoted(key)): cannot tell the format of \(file) from its extension;"
        + " set \"format\" to one of \(list(CorpusFormat.allCases.map(\.rawValue)))"
    case .invalidCorpusSettings(_, let key, let problem):
      return "\(quoted(key)): \(problem)"
    case .invalidOverride(_, let override, let problem):
      return "override \(quoted(override)): \(problem)"
    case .missingDataFile(_, let key, let file):
      return "\(quoted(key)): file not found: \(file)"
    case .unreadableDataFile(_, let key, let file, let problem):
      return "\(quoted(key)): \(problem): \(file)"
    }
  }

  private func quoted(_ text: String) -> String { "\"\(text)\"" }

  private func list(_ names: [String]) -> String {
    names.map(quoted).joined(separator: ", ")
  }
}
