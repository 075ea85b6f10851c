/// Why training could not produce a model.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A corpus file could not be read.
  case corpus(CorpusError)
  /// A document's text could not be prepared.
  case text(path: String, line: Int, error: TextError)
  /// A task's training file has no example labelled for it.
  case noLabelledExamples(task: String, path: String)
  /// A task's training file holds no record at all (it is empty or only blank lines).
  case emptyCorpus(task: String, path: String)
  /// Every record of a task's training file was malformed and skipped; `first` is the first
  /// problem.
  case everyRecordSkipped(task: String, path: String, count: Int, first: CorpusError)
  /// A task has fewer than two labels, so there is nothing to learn.
  case tooFewLabels(task: String, labels: [String])
  /// The feature settings cannot work with this vocabulary.
  case features(FeatureConfigurationError)
  /// The loss became NaN or infinite.
  case diverged(epoch: Int, learningRate: Double)
  /// The embedding table could not be allocated.
  case outOfMemory(bytes: Int)
  /// Training was asked to stop before it finished.
  case cancelled(epochsCompleted: Int)

  public var description: String {
    switch self {
    case .corpus(let error): return "\(error)"
    case .text(let path, let line, let error): return "\(path):\(line): \(error)"
    case .noLabelledExamples(let task, let path):
      return "\(path): no example is labelled for task \"\(task)\""
    case .emptyCorpus(let task, let path):
      return "\(path): the training file of task \"\(task)\" is empty (no records)"
    case .everyRecordSkipped(let task, let path, let count, let first):
      return "\(path): all \(count) record(s) of the training file of task \"\(task)\" are"
        + " invalid and were skipped; the first: \(first)"
    case .tooFewLabels(let task, let labels):
      return "task \"\(task)\" needs at least two labels in its training data, found "
        + (labels.isEmpty ? "none" : labels.map { "\"\($0)\"" }.joined(separator: ", "))
    case .features(let error): return "\(error)"
    case .diverged(let epoch, let learningRate):
      return "training diverged in epoch \(epoch): the loss became NaN or infinite "
        + "(learning rate \(learningRate) at that point); no model was written; "
        + "try a smaller learning rate (training.learningRate)"
    case .outOfMemory(let bytes):
      return "cannot allocate \(bytes / 1_048_576) MiB for the embedding table; "
        + "use fewer features.buckets or a smaller model.dimension"
    case .cancelled(let epochs):
      return "training stopped after \(epochs) complete epoch(s)"
    }
  }
}
