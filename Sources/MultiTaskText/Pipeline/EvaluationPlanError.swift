/// Why an evaluation could not be planned: the request names no file to evaluate on, a task
/// the model does not have, or a file that cannot be read. Each message names the option or
/// the file at fault, in the words `mtl eval` uses for its options.
public enum EvaluationPlanError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Neither a configuration nor a task file was given.
  case noInputs
  /// Options that describe task files were given without any task file.
  case fileOptionsWithoutTaskFiles
  /// A task file entry is not `name=file`.
  case taskFileWithoutName(entry: String)
  /// A task file entry names a task the model does not have.
  case unknownTask(entry: String, task: String, modelTasks: [String])
  /// A task file's format cannot be told from its extension, and none was given.
  case unknownFormat(task: String, path: String)
  /// A file to evaluate on is missing or cannot be read.
  case unreadableFile(UnreadableInputFile)
  /// The configuration names no task of the model, and no task file was given: it belongs
  /// to another model.
  case configurationDoesNotDescribeModel(
    configuration: String, configuredTasks: [String], modelPath: String, modelTasks: [String])
  /// No task of the model has a file to evaluate on. `configurationPath` is the
  /// configuration read, if any; `tasksWithTestFile` are its tasks that name a test file.
  case nothingToEvaluate(configurationPath: String?, tasksWithTestFile: [String])

  /// A one-line message saying what is wrong and what to give instead.
  public var description: String {
    switch self {
    case .noInputs: return "give --config, or at least one --task name=file"
    case .fileOptionsWithoutTaskFiles:
      return "--input-format, --text-column, --label-column and --no-header describe --task "
        + "files; give --task name=file"
    case .taskFileWithoutName(let entry): return "--task expects name=file, found \"\(entry)\""
    case .unknownTask(let entry, let task, let modelTasks):
      return "--task \(entry): the model has no task \"\(task)\"; its tasks are "
        + modelTasks.map { "\"\($0)\"" }.joined(separator: ", ")
    case .unknownFormat(let task, let path):
      return "--task \(task)=\(path): cannot tell the file's format from its extension; "
        + "give --input-format jsonl, csv, tsv or fasttext"
    case .unreadableFile(let error): return error.description
    case .configurationDoesNotDescribeModel(
      let configuration, let configuredTasks, let modelPath, let modelTasks):
      return "\(configuration) does not describe this model: none of its tasks ("
        + Self.quotedList(configuredTasks) + ") is a task of \(modelPath) ("
        + Self.quotedList(modelTasks) + "); give the model's configuration, or --task name=file"
    case .nothingToEvaluate(let configurationPath?, let tasksWithTestFile):
      return "nothing to evaluate: no task of the model has a test file in \(configurationPath) "
        + "(its tasks with a test file: " + Self.quotedList(tasksWithTestFile)
        + "); use --task name=file"
    case .nothingToEvaluate(nil, _):
      return "nothing to evaluate: no task of the model has a test file in the configuration; "
        + "use --task name=file"
    }
  }

  /// Names in quotes, separated by commas, or `none`.
  static func quotedList(_ names: [String]) -> String {
    names.isEmpty ? "none" : names.map { "\"\($0)\"" }.joined(separator: ", ")
  }
}
