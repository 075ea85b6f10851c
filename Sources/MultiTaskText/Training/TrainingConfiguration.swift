/// The optimization schedule: how long, how fast, from which seed, on how many threads,
/// and how tasks are interleaved.
///
/// Training is deterministic for a given seed and thread count; the seed derives separate
/// streams for initialization, shuffling and task sampling.
public struct TrainingConfiguration: Sendable, Equatable {
  /// The largest thread count accepted.
  public static let largestThreadCount = 256

  /// Passes over the training data; at least 1.
  public var epochs: Int
  /// The initial learning rate, decayed linearly to 0; finite and greater than 0.
  public var learningRate: Double
  /// The seed from which every random stream is derived.
  public var seed: UInt64
  /// Worker threads; 1 through ``largestThreadCount``.
  public var threads: Int
  /// How the next example's task is chosen.
  public var sampling: TaskSampling
  /// Whether malformed corpus records are skipped and counted instead of stopping the run,
  /// for every source that does not say otherwise.
  public var skipInvalid: Bool
  /// Whether to keep the parameters of the epoch with the best mean dev accuracy instead of
  /// the last epoch's. Needs a dev file for at least one task; costs one copy of the model.
  public var keepBestEpoch: Bool
  /// How the tasks' losses are weighted against each other.
  public var weighting: LossWeighting
  /// Per-task early stopping: after this many epochs without a better dev accuracy, a task
  /// stops training and its head goes back to its best epoch. 0 turns it off. Needs dev files.
  public var taskPatience: Int

  /// Creates training settings; the defaults match fastText's supervised mode.
  ///
  /// - Parameters:
  ///   - epochs: Passes over the data; 5 by default.
  ///   - learningRate: The initial learning rate; 0.5 by default.
  ///   - seed: The random seed; 1 by default.
  ///   - threads: Worker threads; 1 by default, which keeps runs reproducible.
  ///   - sampling: How tasks are interleaved; temperature sampling with T = 1.5 by default,
  ///     chosen on the seven-task benchmark (see ``TaskSampling/defaultTemperature``).
  ///   - skipInvalid: Whether malformed records are skipped; off by default.
  ///   - keepBestEpoch: Whether to keep the best epoch on dev; off by default.
  ///   - weighting: How the tasks' losses are weighted; fixed by default.
  ///   - taskPatience: Epochs without a better dev accuracy before a task stops; 0 (off) by
  ///     default.
  public init(
    epochs: Int = 5,
    learningRate: Double = 0.5,
    seed: UInt64 = 1,
    threads: Int = 1,
    sampling: TaskSampling = .temperature(TaskSampling.defaultTemperature),
    skipInvalid: Bool = false,
    keepBestEpoch: Bool = false,
    weighting: LossWeighting = .fixed,
    taskPatience: Int = 0
  ) {
    self.epochs = epochs
    self.learningRate = learningRate
    self.seed = seed
    self.threads = threads
    self.sampling = sampling
    self.skipInvalid = skipInvalid
    self.keepBestEpoch = keepBestEpoch
    self.weighting = weighting
    self.taskPatience = taskPatience
  }
}

extension TrainingConfiguration: Codable {
  private enum CodingKeys: String, CodingKey {
    case epochs, learningRate, seed, threads, sampling, temperature, skipInvalid, keepBestEpoch
    case weighting, taskPatience
  }

  /// Decodes settings written by ``encode(to:)``: the sampling strategy by name, with its
  /// temperature under a key of its own, as in configuration files.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    epochs = try container.decode(Int.self, forKey: .epochs)
    learningRate = try container.decode(Double.self, forKey: .learningRate)
    seed = try container.decode(UInt64.self, forKey: .seed)
    threads = try container.decode(Int.self, forKey: .threads)
    skipInvalid = try container.decode(Bool.self, forKey: .skipInvalid)
    keepBestEpoch = try container.decodeIfPresent(Bool.self, forKey: .keepBestEpoch) ?? false
    weighting = try container.decodeIfPresent(LossWeighting.self, forKey: .weighting) ?? .fixed
    taskPatience = try container.decodeIfPresent(Int.self, forKey: .taskPatience) ?? 0
    let name = try container.decode(String.self, forKey: .sampling)
    switch name {
    case "proportional": sampling = .proportional
    case "uniform": sampling = .uniform
    case "annealed": sampling = .annealed
    case "temperature":
      sampling = .temperature(try container.decode(Double.self, forKey: .temperature))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .sampling, in: container,
        debugDescription: "unknown sampling \"\(name)\"; expected one of "
          + TaskSampling.names.joined(separator: ", "))
    }
  }

  /// Encodes every setting, flattening the sampling strategy into `sampling` and
  /// `temperature` keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(epochs, forKey: .epochs)
    try container.encode(learningRate, forKey: .learningRate)
    try container.encode(seed, forKey: .seed)
    try container.encode(threads, forKey: .threads)
    try container.encode(sampling.name, forKey: .sampling)
    if case .temperature(let temperature) = sampling {
      try container.encode(temperature, forKey: .temperature)
    }
    try container.encode(skipInvalid, forKey: .skipInvalid)
    try container.encode(keepBestEpoch, forKey: .keepBestEpoch)
    try container.encode(weighting, forKey: .weighting)
    try container.encode(taskPatience, forKey: .taskPatience)
  }
}
