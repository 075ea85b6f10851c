/// Why a JSON evaluation report could not be read back.
public enum ReportDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The report was written by a newer `mtl` whose layout this one does not know.
  case newerSchema(found: Int, supported: Int)
  /// The schema version is not a positive integer.
  case invalidSchemaVersion(Int)
  /// `taskOrder` names a task missing from `tasks`, or the reverse.
  case taskOrderMismatch(missing: [String], unlisted: [String])
  /// A confusion matrix is not square over its labels, or `knownLabels` is out of range.
  case malformedConfusionMatrix(task: String, problem: String)

  /// A one-line message for a terminal saying what in the report JSON is wrong and, for a
  /// newer schema, that upgrading `mtl` fixes it.
  public var description: String {
    switch self {
    case .newerSchema(let found, let supported):
      return "the report has schemaVersion \(found), but this version of mtl reads up to "
        + "schemaVersion \(supported); upgrade mtl to read it"
    case .invalidSchemaVersion(let version):
      return "the report's schemaVersion \(version) is not a positive integer"
    case .taskOrderMismatch(let missing, let unlisted):
      var parts: [String] = []
      if !missing.isEmpty { parts.append("taskOrder lists tasks without a report: \(missing)") }
      if !unlisted.isEmpty { parts.append("tasks missing from taskOrder: \(unlisted)") }
      return parts.joined(separator: "; ")
    case .malformedConfusionMatrix(let task, let problem):
      return "task \"\(task)\": the confusion matrix is malformed: \(problem)"
    }
  }
}
