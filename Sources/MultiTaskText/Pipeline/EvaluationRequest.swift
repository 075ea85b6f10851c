/// What a caller asks to evaluate on, before the model is read: the inputs of `mtl eval`
/// and of the C API's `mtl_evaluate`, checked once for both.
///
/// ``EvaluationPlan`` turns a request into the files to read, task by task.
public struct EvaluationRequest: Equatable, Sendable {
  /// The configuration file whose tasks' test files (and field settings) to use; its path
  /// names it in messages. Its contents are passed to ``EvaluationPlan`` decoded.
  public var configurationPath: String?
  /// `name=file` entries: evaluate task `name` on `file` instead of its test file.
  public var taskFiles: [String]
  /// The format of the task files, or nil to tell it from each file's extension.
  public var format: CorpusFormat?
  /// The text column (header name or 0-based position) or JSONL key of the task files.
  public var textColumn: String?
  /// The label column (header name or 0-based position) or JSONL key of the task files.
  public var labelColumn: String?
  /// Whether the task files' CSV/TSV records start on the first line (no header row).
  public var noHeader: Bool
  /// Whether malformed records are skipped instead of stopping at the first one.
  public var skipInvalid: Bool

  /// Creates a request; see the properties.
  public init(
    configurationPath: String? = nil, taskFiles: [String] = [], format: CorpusFormat? = nil,
    textColumn: String? = nil, labelColumn: String? = nil, noHeader: Bool = false,
    skipInvalid: Bool = false
  ) {
    self.configurationPath = configurationPath
    self.taskFiles = taskFiles
    self.format = format
    self.textColumn = textColumn
    self.labelColumn = labelColumn
    self.noHeader = noHeader
    self.skipInvalid = skipInvalid
  }

  /// Checks that the request names something to evaluate on and that every option applies,
  /// before any file is read.
  ///
  /// - Throws: ``EvaluationPlanError/noInputs``,
  ///   ``EvaluationPlanError/fileOptionsWithoutTaskFiles`` or
  ///   ``EvaluationPlanError/taskFileWithoutName(entry:)``.
  public func check() throws(EvaluationPlanError) {
    if configurationPath == nil && taskFiles.isEmpty { throw .noInputs }
    if taskFiles.isEmpty && (format != nil || textColumn != nil || labelColumn != nil || noHeader) {
      throw .fileOptionsWithoutTaskFiles
    }
    for entry in taskFiles where !entry.contains("=") {
      throw .taskFileWithoutName(entry: entry)
    }
  }

  /// The task files by task name; a later entry for a task replaces an earlier one.
  func taskFilesByName(modelTasks: [String]) throws(EvaluationPlanError) -> [String: String] {
    var files: [String: String] = [:]
    for entry in taskFiles {
      // Empty parts are kept, so `=file` is an unknown task "" rather than a task "file".
      let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        .map(String.init)
      guard modelTasks.contains(parts[0]) else {
        throw .unknownTask(entry: entry, task: parts[0], modelTasks: modelTasks)
      }
      files[parts[0]] = parts.count > 1 ? parts[1] : ""
    }
    return files
  }
}
