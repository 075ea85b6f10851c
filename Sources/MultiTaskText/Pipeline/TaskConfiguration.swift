/// One classification task: its name, its corpora and how much it counts in training.
///
/// Several tasks may read the same multi-task file (a JSONL file whose records carry a
/// `labels` object); each then picks its own labels out of every record by ``name``.
public struct TaskConfiguration: Codable, Sendable, Equatable {
  /// How the loss of one example is scaled by the frequency of its class.
  public typealias ClassWeighting = MultiTaskText.ClassWeighting

  /// The task's name: letters, digits, `_` and `-`, unique within a configuration. It keys
  /// labels in multi-task files, command-line options and reports.
  public var name: String
  /// The training corpus.
  public var train: CorpusSource
  /// The development corpus, used to report progress and pick thresholds; optional.
  public var dev: CorpusSource?
  /// The held-out test corpus, scored once after training; optional.
  public var test: CorpusSource?
  /// How much this task's loss counts relative to the others; greater than 0.
  public var weight: Double
  /// Whether rare classes are weighted up.
  public var classWeighting: ClassWeighting
  /// Scales the learning rate of this task's head only; its pull on the shared encoder is
  /// set by ``weight``. A small task's head can learn faster without shaking the shared rows.
  public var learningRateScale: Double
  /// The score this task's epochs are selected on, and reports show next to accuracy.
  public var metric: TaskMetric = .accuracy
  /// One label per document (`singleLabel`, the default) or any set of them (`multiLabel`).
  public var type: TaskType = .singleLabel
  /// For a multi-label task: one threshold for every label, or `tuned` per label on dev.
  public var thresholds: ThresholdChoice = .standard
  /// For a single-label task, the top probability below which prediction abstains; nil
  /// always answers.
  public var minProbability: Double?
  /// For a single-label task, how its head trains: `softmax`, `hierarchical` (a Huffman tree
  /// of the labels) or `sampled` (negative sampling); see ``HeadLoss``.
  public var loss: HeadLoss = .softmax
  /// Whether most of the training file may be unlabelled for this task. Off (nil), a file
  /// that only this task reads and whose records mostly lack its label is an error, since
  /// that is usually a misspelt label field; multi-task files shared by several tasks are
  /// never held to it. Optional so that reports written before it still decode.
  public var allowUnlabelled: Bool?

  /// Creates a task.
  ///
  /// - Parameters:
  ///   - name: The task's name.
  ///   - train: The training corpus; its `taskName` should be `name`.
  ///   - dev: The optional development corpus.
  ///   - test: The optional test corpus.
  ///   - weight: The task's loss weight, 1 by default.
  ///   - classWeighting: Whether rare classes are weighted up; off by default.
  ///   - learningRateScale: The head's learning-rate multiplier; 1 by default.
  public init(
    name: String,
    train: CorpusSource,
    dev: CorpusSource? = nil,
    test: CorpusSource? = nil,
    weight: Double = 1,
    classWeighting: ClassWeighting = .none,
    learningRateScale: Double = 1
  ) {
    self.name = name
    self.train = train
    self.dev = dev
    self.test = test
    self.weight = weight
    self.classWeighting = classWeighting
    self.learningRateScale = learningRateScale
  }

  /// What the trainer needs of this task: its name and loss settings, without its files.
  public var trainingTask: TrainingTask {
    var task = TrainingTask(
      name: name, weight: weight, classWeighting: classWeighting,
      learningRateScale: learningRateScale, metric: metric)
    task.type = type
    task.thresholds = thresholds
    task.minProbability = minProbability
    task.loss = loss
    return task
  }

  /// The corpora that are configured, labelled by split, in the order train, dev, test.
  public var sources: [(split: String, source: CorpusSource)] {
    var result = [(split: "train", source: train)]
    if let dev { result.append((split: "dev", source: dev)) }
    if let test { result.append((split: "test", source: test)) }
    return result
  }
}
