/// How the loss of one example is scaled by the frequency of its class.
public enum ClassWeighting: String, Codable, Sendable, CaseIterable {
  /// Every example counts the same, so frequent classes dominate the gradient.
  case none
  /// Each class weighs the inverse of its frequency, so rare classes are not drowned out.
  case balanced
}

/// What the trainer needs to know about one task: its name and how much its loss counts.
///
/// Where the task's examples come from is not part of it; the trainer takes examples, not
/// files (see ``TaskConfiguration`` for a task with corpus files).
public struct TrainingTask: Sendable, Equatable {
  /// The task's name; examples label the task under this name.
  public var name: String
  /// How much this task's loss counts relative to the others; greater than 0.
  public var weight: Double
  /// Whether rare classes are weighted up.
  public var classWeighting: ClassWeighting
  /// Scales the learning rate of this task's head only; its pull on the shared encoder is
  /// set by ``weight``.
  public var learningRateScale: Double
  /// The score this task's epochs are selected on; accuracy by default.
  public var metric: TaskMetric
  /// One label per document, or any set of them.
  public var type: TaskType = .singleLabel
  /// For a multi-label task, how each label's probability becomes a yes or no.
  public var thresholds: ThresholdChoice = .standard
  /// For a single-label task, the top probability below which prediction abstains, kept in
  /// the model; nil always answers.
  public var minProbability: Double?
  /// For a single-label task, how its head trains: a full softmax, a hierarchical softmax
  /// over a Huffman tree of the labels, or sampled softmax.
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
