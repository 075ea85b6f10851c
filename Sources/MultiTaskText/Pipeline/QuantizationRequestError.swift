/// Why a quantization could not be planned or run: its options, its retraining data, or the
/// quantization itself. Each message names the option, the file or the model at fault, in
/// the words `mtl quantize` uses for its options.
public enum QuantizationRequestError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An option is out of range or contradicts another; the text says which.
  case badOption(String)
  /// The configuration names no task of the model.
  case configurationDoesNotDescribeModel(
    configuration: String, modelPath: String, modelTasks: [String])
  /// A training file entry names a task the model does not have.
  case unknownTask(entry: String, task: String, modelTasks: [String])
  /// A training file entry without a task name, for a model of several tasks.
  case taskNotNamed(entry: String, taskCount: Int)
  /// A training file's format cannot be told from its extension, and none was given.
  case unknownFormat(entry: String)
  /// A training file is missing or cannot be read.
  case unreadableFile(UnreadableInputFile)
  /// Reading the retraining data failed.
  case reading(PipelineError)
  /// Quantizing the model at `modelPath`, or retraining its heads, failed.
  case quantization(modelPath: String, QuantizationError)

  /// A one-line message saying what is wrong and what to give instead.
  public var description: String {
    switch self {
    case .badOption(let problem): return problem
    case .configurationDoesNotDescribeModel(let configuration, let modelPath, let modelTasks):
      return "\(configuration) does not describe this model: none of its tasks is a task of "
        + "\(modelPath) (" + modelTasks.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
    case .unknownTask(let entry, let task, let modelTasks):
      return "--train \(entry): the model has no task \"\(task)\"; its tasks are "
        + modelTasks.map { "\"\($0)\"" }.joined(separator: ", ")
    case .taskNotNamed(let entry, let taskCount):
      return "--train \(entry): the model has \(taskCount) tasks; say which with name=file"
    case .unknownFormat(let entry):
      return "--train \(entry): cannot tell the file's format from its extension; give "
        + "--input-format jsonl, csv, tsv or fasttext"
    case .unreadableFile(let error): return error.description
    case .reading(let error): return "\(error)"
    case .quantization(let modelPath, let error): return "\(modelPath): \(error)"
    }
  }
}
