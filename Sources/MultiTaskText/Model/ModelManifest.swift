/// Everything needed to rebuild a model's features from raw text, stored as JSON in the model
/// file: the text settings, the feature recipe, the tasks with their labels, the training
/// settings and the ICU version.
///
/// Prediction reads the recipe from here rather than from a config file, so a model always
/// prepares new text exactly as its training text was prepared.
public struct ModelManifest: Codable, Sendable, Equatable {
  /// One task's head.
  public struct Task: Codable, Sendable, Equatable {
    /// The task's name, such as `topic`.
    public var name: String
    /// The task's labels, in ``LabelID`` order.
    public var labels: LabelSet
    /// The loss weight the task was trained with.
    public var weight: Double
    /// Training documents per label, in label order: the majority baseline of reports.
    public var labelCounts: [Int]?
    /// The metric epochs were selected on (written in its configuration form); absent for
    /// accuracy, as in every model written before tasks had metrics.
    public var metric: TaskMetric?
    /// `multiLabel` for a one-vs-all sigmoid head; absent for a single-label softmax head,
    /// as in every model written before multi-label tasks.
    public var type: TaskType?
    /// A multi-label task's threshold per label, in label order: a label is answered when
    /// its probability reaches its threshold. Absent for single-label tasks.
    public var thresholds: [Float]?
    /// A single-label task's softmax temperature, fitted on dev data after training so
    /// that its probabilities are calibrated; absent means 1, no scaling.
    public var temperature: Float?
    /// A single-label task's additive bias per label, in label order, fitted on dev data for
    /// the task's metric and added to the scores (after the temperature) before the softmax,
    /// so that every answer, the one `mtl eval` scores included, is the metric-fitted one.
    /// Absent means no bias, as in every model whose metric is accuracy.
    public var biases: [Float]?
    /// A single-label task's minimum top probability: below it, prediction abstains
    /// (`"label": null`) rather than guess. Absent means always answer.
    public var minProbability: Float?
    /// How a single-label head was trained: `hierarchical` heads predict through the Huffman
    /// tree rebuilt from ``labelCounts``, whose internal node `n` owns head row `n`; absent
    /// means a full softmax, as in every model written before heads had losses.
    public var loss: HeadLoss?
    /// What training decided about the task's sparse linear path, and the dev scores it
    /// decided on; absent when no path was tried (`model.linear: off`).
    public var linear: LinearPathRecord?

    /// Whether the task has a one-vs-all sigmoid head.
    public var isMultiLabel: Bool { type == .multiLabel }

    /// Creates a task description.
    public init(
      name: String, labels: LabelSet, weight: Double = 1, labelCounts: [Int]? = nil,
      metric: TaskMetric? = nil
    ) {
      self.metric = metric
      self.name = name
      self.labels = labels
      self.weight = weight
      self.labelCounts = labelCounts
    }
  }

  /// The ICU version that normalized and segmented the training text. Segmentation
  /// dictionaries change between versions, so a mismatch is worth a warning.
  public var icuVersion: String
  /// How text was normalized.
  public var normalizer: TextNormalizer
  /// How text was tokenized.
  public var tokenizer: Tokenizer
  /// How tokens became features.
  public var features: FeatureConfiguration
  /// The embedding dimension.
  public var dimension: Int
  /// Rows of each task's private table in a shared-private encoder; absent when there is
  /// none, as in every model without one.
  public var privateRows: Int?
  /// The tasks, in head order.
  public var tasks: [Task]
  /// The training settings, for the record.
  public var training: TrainingConfiguration
  /// The program that wrote the model.
  public var producer: String
  /// How the model was quantized by `mtl quantize`; absent for a float model.
  public var quantization: Quantization?

  /// Creates a manifest.
  public init(
    icuVersion: String = ICU.version, normalizer: TextNormalizer, tokenizer: Tokenizer,
    features: FeatureConfiguration, dimension: Int, tasks: [Task],
    training: TrainingConfiguration, producer: String = "MultiTaskText"
  ) {
    self.icuVersion = icuVersion
    self.normalizer = normalizer
    self.tokenizer = tokenizer
    // A model's features are fixed: character n-grams no pipeline chose are off.
    self.features = FeatureResolver.fixed(features)
    self.dimension = dimension
    self.tasks = tasks
    self.training = training
    self.producer = producer
  }

  /// Rows of each task's private table; 0 without a shared-private encoder.
  public var privateBuckets: Int { privateRows ?? 0 }

  /// The index of the task named `name`, or nil.
  public func taskIndex(named name: String) -> Int? { tasks.firstIndex { $0.name == name } }
}
