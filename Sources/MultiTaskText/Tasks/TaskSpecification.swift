/// One task, described once: its name, how much its loss counts, how its head trains and
/// predicts, and the score its epochs are selected on.
///
/// Where the task's examples come from is not part of it; the trainer takes examples, not
/// files (see ``TaskConfiguration`` for a task with corpus files), and the model records
/// what prediction needs of it in ``ModelManifest/Task``.
public struct TaskSpecification: Codable, Sendable, Equatable {
  /// The task's name; examples label the task under this name.
  public var name: String
  /// How much this task's loss counts relative to the others; greater than 0.
  public var weight: Double
  /// Whether rare classes are weighted up.
  public var classWeighting: ClassWeighting
  /// Scales the learning rate of this task's head only; its pull on the shared encoder is
  /// set by ``weight``. A small task's head can learn faster without shaking the shared rows.
  public var learningRateScale: Double
  /// The score this task's epochs are selected on, and reports show next to accuracy;
  /// accuracy by default.
  public var metric: TaskMetric
  /// One label per document (`singleLabel`, the default) or any set of them (`multiLabel`).
  public var type: TaskType = .singleLabel
  /// For a multi-label task, how each label's probability becomes a yes or no: one threshold
  /// for every label, or `tuned` per label on dev.
  public var thresholds: ThresholdChoice = .standard
  /// For a single-label task, the top probability below which prediction abstains, kept in
  /// the model; nil always answers.
  public var minProbability: Double?
  /// For a single-label task, how its head trains: `softmax`, `hierarchical` (a Huffman tree
  /// of the labels) or `sampled` (negative sampling); see ``HeadLoss``.
  public var loss: HeadLoss = .softmax

  /// Creates a task.
  ///
  /// - Parameters:
  ///   - name: The task's name.
  ///   - weight: The task's loss weight, 1 by default.
  ///   - classWeighting: Whether rare classes are weighted up; off by default.
  ///   - learningRateScale: The head's learning-rate multiplier, 1 by default.
  ///   - metric: The score epochs are selected on; accuracy by default.
  public init(
    name: String, weight: Double = 1, classWeighting: ClassWeighting = .none,
    learningRateScale: Double = 1, metric: TaskMetric = .accuracy
  ) {
    self.metric = metric
    self.name = name
    self.weight = weight
    self.classWeighting = classWeighting
    self.learningRateScale = learningRateScale
  }
}
