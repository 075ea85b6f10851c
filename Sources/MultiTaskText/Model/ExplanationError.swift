/// Why a text could not be explained.
public enum ExplanationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The model has no task of that name.
  case unknownTask(String, known: [String])
  /// The task has no label of that name.
  case unknownLabel(String, task: String, known: [String])
  /// The text could not be normalized or tokenized.
  case text(TextError)

  /// A one-line explanation for a terminal.
  public var description: String {
    switch self {
    case .unknownTask(let name, let known):
      return "the model has no task \"\(name)\"; its tasks are " + Self.list(known)
    case .unknownLabel(let name, let task, let known):
      return "task \"\(task)\" has no label \"\(name)\"; its labels are " + Self.list(known)
    case .text(let error): return "\(error)"
    }
  }

  private static func list(_ names: [String]) -> String {
    names.map { "\"\($0)\"" }.joined(separator: ", ")
  }
}
