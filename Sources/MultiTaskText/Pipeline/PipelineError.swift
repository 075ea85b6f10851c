/// Why a pipeline run could not finish: a file problem, with the file named, or a typed error
/// from the stage that failed.
public enum PipelineError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A corpus file could not be read, or holds a malformed record.
  case corpus(CorpusError)
  /// A task's training file holds no record at all (it is empty or only blank lines).
  case emptyCorpus(task: String, path: String)
  /// Every record of a task's training file was malformed and skipped; `first` is the first
  /// problem.
  case everyRecordSkipped(task: String, path: String, count: Int, first: CorpusError)
  /// A task's training file has no example labelled for it; `explanation` says what was
  /// looked for and what the records hold instead (a near-miss field, other task names, an
  /// assumed format).
  case noLabelledExamples(task: String, path: String, explanation: String)
  /// More than half of the records of a file that only this task reads have no label for
  /// it, and the task does not set `allowUnlabelled`: almost always a misspelt label field
  /// or the wrong format, which would otherwise train on a fraction of the data in silence.
  case mostlyUnlabelled(
    task: String, path: String, unlabelled: Int, records: Int, explanation: String)
  /// A task's dev or test file (`split`) gave no example labelled for the task, so the
  /// figures computed on it would all be zero; `records` is how many records it held,
  /// `expected` describes what the reader looked for.
  case noEvaluationExamples(
    task: String, path: String, split: String, records: Int, expected: String)
  /// The model to continue training from could not be read.
  case initialModel(ModelFileError)
  /// The pretrained vectors file could not be used.
  case vectors(PretrainedVectorsError)
  /// Training failed.
  case training(TrainingError)
  /// Evaluation failed.
  case evaluation(EvaluationError)

  /// A one-line explanation for a terminal, starting with the file at fault when there is one.
  public var description: String {
    switch self {
    case .corpus(let error): return "\(error)"
    case .emptyCorpus(let task, let path):
      return "\(path): the training file of task \"\(task)\" is empty (no records)"
    case .everyRecordSkipped(let task, let path, let count, let first):
      return "\(path): all \(count) record(s) of the training file of task \"\(task)\" are"
        + " invalid and were skipped; the first: \(first)"
    case .noLabelledExamples(let task, let path, let explanation):
      return "\(path): no example is labelled for task \"\(task)\"; \(explanation)"
    case .mostlyUnlabelled(let task, let path, let unlabelled, let records, let explanation):
      return "\(path): \(unlabelled) of \(records) records have no label for task \"\(task)\";"
        + " \(explanation); set allowUnlabelled: true for the task if that is intended"
    case .noEvaluationExamples(let task, let path, let split, let records, let expected):
      let found =
        records == 0
        ? "has no records"
        : "has \(records) record(s) but none labelled for the task"
      return "\(path): the \(split) file of task \"\(task)\" \(found); expected \(expected)"
    case .initialModel(let error): return "training.initialModel: \(error)"
    case .vectors(let error): return "\(error)"
    case .training(let error): return "\(error)"
    case .evaluation(let error): return "\(error)"
    }
  }
}
