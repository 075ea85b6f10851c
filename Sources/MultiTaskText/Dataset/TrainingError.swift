/// Why training could not produce a model.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A document's text could not be prepared; `location` names its file and line when it
  /// came from a file.
  case text(location: CorpusLocation?, error: TextError)
  /// The model's text pipeline or featurizer could not be opened.
  case model(ModelError)
  /// A task's metric names a label its training data does not have.
  case unknownMetricLabel(task: String, label: String, labels: [String])
  /// The model training should continue from was trained with other text or feature
  /// settings; one line per setting, with both values.
  case incompatibleInitialModel(settings: [String])
  /// Pretrained vectors of another width than the model.
  case vectorDimension(expected: Int, found: Int)
  /// A task has fewer than two labels, so there is nothing to learn.
  case tooFewLabels(task: String, labels: [String])
  /// No word was kept for the vocabulary: every text is empty (`mostFrequent` is 0), or no
  /// word occurs `minCount` times (the most frequent occurs `mostFrequent` times).
  case emptyVocabulary(minCount: Int, mostFrequent: Int)
  /// The feature settings cannot work with this vocabulary.
  case features(FeatureConfigurationError)
  /// The loss became NaN or infinite.
  case diverged(epoch: Int, learningRate: Double)
  /// An example gives a single-label task no label or several (an empty list, or a list of
  /// more than one); `location` names its file and line when it came from a file.
  case severalLabels(task: String, labels: [String], location: CorpusLocation?)
  /// A task has more than `limit` distinct labels; `location` names the record whose label
  /// went past the limit.
  case tooManyLabels(task: String, limit: Int, location: CorpusLocation?)
  /// The embedding table could not be allocated.
  case outOfMemory(bytes: Int)
  /// The vocabulary plus the buckets make a model larger than the file format holds
  /// (``ModelLimits``); `problem` says which bound.
  case modelTooLarge(problem: String)
  /// Training was asked to stop before it finished.
  case cancelled(epochsCompleted: Int)
  /// The disk cache of a corpus larger than `training.memoryBudget` could not be created,
  /// written or read in `directory`.
  case cache(directory: String, problem: String)

  /// A one-line explanation for a terminal, starting with the file and line when known.
  public var description: String {
    switch self {
    case .text(let location, let error):
      return location.map { "\($0): \(error)" } ?? "\(error)"
    case .model(let error): return "\(error)"
    case .incompatibleInitialModel(let settings):
      return "cannot continue training the initial model: it was trained with other"
        + " settings: " + settings.joined(separator: "; ")
    case .vectorDimension(let expected, let found):
      return "pretrained vectors of dimension \(found), but model.dimension is \(expected)"
    case .unknownMetricLabel(let task, let label, let labels):
      return "the metric of task \"\(task)\" names the label \"\(label)\", which its training"
        + " data does not have; its labels are "
        + labels.map { "\"\($0)\"" }.joined(separator: ", ")
    case .tooFewLabels(let task, let labels):
      return "task \"\(task)\" needs at least two labels in its training data, found "
        + (labels.isEmpty ? "none" : labels.map { "\"\($0)\"" }.joined(separator: ", "))
    case .features(let error): return "\(error)"
    case .emptyVocabulary(let minCount, let mostFrequent):
      if mostFrequent == 0 {
        return "the vocabulary is empty: every training text is empty (no words), so there"
          + " is nothing to learn from; no model was written"
      }
      return "the vocabulary is empty: no word occurs at least \(minCount) times"
        + " (features.minCount), the most frequent occurs \(mostFrequent) time(s); lower"
        + " features.minCount; no model was written"
    case .severalLabels(let task, let labels, let location):
      let problem =
        "task \"\(task)\" is single-label but the example gives it "
        + (labels.isEmpty
          ? "an empty list of labels"
          : "\(labels.count) labels (" + labels.joined(separator: ", ") + ")")
        + "; make the task multi-label (type: multiLabel)"
      return location.map { "\($0): \(problem)" } ?? problem
    case .diverged(let epoch, let learningRate):
      return "training diverged in epoch \(epoch): the loss became NaN or infinite "
        + "(learning rate \(learningRate) at that point); no model was written; "
        + "try a smaller learning rate (training.learningRate)"
    case .tooManyLabels(let task, let limit, let location):
      let problem =
        "task \"\(task)\" has more than \(limit) distinct labels, the most a task may have;"
        + " is the label column right?"
      return location.map { "\($0): \(problem)" } ?? problem
    case .outOfMemory(let bytes):
      return "cannot allocate \(bytes / 1_048_576) MiB for the embedding table; "
        + "use fewer features.buckets or a smaller model.dimension"
    case .modelTooLarge(let problem):
      return "the model would be too large to save: \(problem); lower features.buckets, "
        + "features.maxVocabularySize or model.dimension"
    case .cancelled(let epochs):
      return "training stopped after \(epochs) complete epoch(s)"
    case .cache(let directory, let problem):
      return "the training corpus is larger than training.memoryBudget, so it is cached on"
        + " disk in \(directory), but \(problem); free space there, set"
        + " training.cacheDirectory, or raise training.memoryBudget"
    }
  }
}
