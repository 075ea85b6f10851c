/// The settings a comparison's runs share, as fields rather than a sentence, so a reader
/// of `compare.json` can filter and group comparisons by them.
public struct ComparisonSettings: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The loss weighting.
  public var weighting: String
  /// The task sampling strategy.
  public var sampling: String
  /// Temperature sampling's temperature, when it is the strategy.
  public var temperature: Double?
  /// The epochs, or the most automatic epochs may use.
  public var epochs: Int
  /// Whether the epochs are chosen on dev data.
  public var automaticEpochs: Bool
  /// The optimizer.
  public var optimizer: String
  /// The initial learning rate.
  public var learningRate: Double
  /// The embedding dimension.
  public var dimension: Int
  /// The random seed.
  public var seed: UInt64
  /// Private rows per task, 0 for a shared encoder.
  public var privateBuckets: Int
  /// Per-task early stopping's patience, 0 for off.
  public var taskPatience: Int

  /// The settings of `configuration`.
  public init(_ configuration: PipelineConfiguration) {
    let training = configuration.training
    weighting = training.weighting.rawValue
    sampling = training.sampling.name
    if case .temperature(let value) = training.sampling { temperature = value }
    epochs = training.epochs
    automaticEpochs = training.automaticEpochs
    optimizer = training.optimizer.rawValue
    learningRate = training.learningRate
    dimension = configuration.model.dimension
    seed = training.seed
    privateBuckets = configuration.model.privateBuckets
    taskPatience = training.taskPatience
  }

  /// A one-line summary for the text, Markdown and HTML reports.
  public var description: String {
    var parts = [
      "weighting \(weighting)",
      "sampling \(sampling)" + (temperature.map { " (T = \($0))" } ?? ""),
      automaticEpochs ? "epochs auto (up to \(epochs))" : "epochs \(epochs)",
      "\(optimizer) learning rate \(learningRate)", "dimension \(dimension)", "seed \(seed)",
    ]
    if privateBuckets > 0 { parts.append("private buckets \(privateBuckets)") }
    if taskPatience > 0 { parts.append("task patience \(taskPatience)") }
    return parts.joined(separator: ", ")
  }
}
