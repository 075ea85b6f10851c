/// An input file that cannot be read, named with what it is for (`test file of task
/// "topic"`), so the user knows which option or configuration key to fix.
///
/// Plans check their input files with ``check(_:role:)`` before any work, so a missing test
/// file is reported before a long evaluation or quantization starts.
public struct UnreadableInputFile: Error, Equatable, Sendable, CustomStringConvertible {
  /// The path as given.
  public var path: String
  /// What the file is for, such as `training file of task "topic"`.
  public var role: String
  /// What is wrong with it.
  public var problem: InputFileCheck.Problem

  /// Creates the error; see the properties.
  public init(path: String, role: String, problem: InputFileCheck.Problem) {
    self.path = path
    self.role = role
    self.problem = problem
  }

  /// Checks that `path` is a readable file.
  ///
  /// - Throws: ``UnreadableInputFile`` naming the path, the problem and `role`.
  public static func check(_ path: String, role: String) throws(UnreadableInputFile) {
    if let problem = InputFileCheck.problem(at: path) {
      throw UnreadableInputFile(path: path, role: role, problem: problem)
    }
  }

  /// `path: no such file (role)`, or the reason it cannot be read instead.
  public var description: String {
    switch problem {
    case .missing: return "\(path): no such file (\(role))"
    case .unreadable(let reason): return "\(path): \(reason) (\(role))"
    }
  }
}
