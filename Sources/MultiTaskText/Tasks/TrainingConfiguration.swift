#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The optimization schedule: how long, how fast, from which seed, on how many threads,
/// and how tasks are interleaved.
///
/// Training is deterministic for a given seed, whatever the thread count (unless
/// ``reproducible`` is turned off); the seed derives separate streams for initialization,
/// shuffling and task sampling.
public struct TrainingConfiguration: Sendable, Equatable {
  /// The largest thread count accepted.
  public static let largestThreadCount = 256

  /// How many passes over the training data: a fixed number, or chosen on dev data up to a
  /// maximum.
  public enum EpochCount: Sendable, Equatable {
    /// Train while the mean dev score improves, at most `maximum` epochs, and keep the best
    /// epoch; without dev files a stratified tenth of the training data is held out.
    case automatic(maximum: Int)
    /// Exactly this many epochs, with the learning rate decayed linearly to 0 over them.
    case fixed(Int)
  }

  /// The most epochs `.automatic` trains unless told otherwise.
  public static let defaultMaximumEpochs = 30

  /// How many epochs to train; automatic by default.
  public var epochCount: EpochCount

  /// The fixed number of epochs, or the most an automatic run trains; setting it fixes the
  /// number of epochs.
  public var epochs: Int {
    get {
      switch epochCount {
      case .automatic(let maximum): return maximum
      case .fixed(let epochs): return epochs
      }
    }
    set { epochCount = .fixed(newValue) }
  }

  /// Whether the number of epochs is chosen on dev data (see ``EpochCount/automatic(maximum:)``).
  public var automaticEpochs: Bool {
    if case .automatic = epochCount { return true }
    return false
  }
  /// The initial learning rate; finite and greater than 0. With fixed epochs it decays
  /// linearly to 0; with automatic epochs it is halved on every dev plateau. The default, 0.1,
  /// suits AdaGrad; with SGD, fastText's 0.5 is the usual start.
  public var learningRate: Double
  /// The seed from which every random stream is derived.
  public var seed: UInt64
  /// Worker threads, for reading and tokenizing the training files (which gives the same
  /// training set on any number) and for SGD; 1 through ``largestThreadCount``.
  public var threads: Int
  /// Whether training on several threads gives the same model as on one: each epoch runs in
  /// rounds of a fixed number of shards whose updates merge in shard order, so the bytes
  /// depend on the seed and never on ``threads``. Off, the threads run lock-free Hogwild
  /// SGD, whose model changes from run to run. On by default.
  public var reproducible = true
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
  /// How gradients become steps: AdaGrad with per-row rates (the default), or plain SGD.
  public var optimizer: Optimizer
  /// With automatic epochs, the dev plateaus in a row (each halving the rate) before
  /// training stops.
  public var patience: Int
  /// A model file to continue training from, instead of random rows; nil for none. Its text
  /// and feature settings must be these; new words, labels and tasks are added.
  public var initialModel: String?
  /// Whether each single-label task's softmax temperature is fitted on dev data after
  /// training (temperature scaling), so that its probabilities are calibrated. It changes
  /// no prediction's label, only its probability.
  public var calibrate = true
  /// Whether each single-label task judged by a metric other than accuracy (`macroF1`,
  /// `macroRecall`, `f1:`, `f1avg:`) gets one additive score bias per label, fitted on dev
  /// data for that metric after training. Cross-entropy training aims at accuracy, which
  /// lets a rare class go unpredicted; a bias moves each class's decision point to where
  /// the task's own metric is best. Kept only when it wins on held-out halves of dev.
  public var fitBiases = true
  /// The most bytes the training corpus may take in memory: half for its tokens while it is
  /// read, half for its features while it trains. A corpus that needs more goes to a cache on
  /// disk, which training streams one shard at a time, so memory stays flat however large
  /// the corpus grows; nil keeps every corpus in memory. A corpus within the budget trains
  /// exactly as it would without one.
  public var memoryBudget: Int? = Self.defaultMemoryBudget
  /// Where the disk cache's files are made; nil for the system's temporary directory
  /// (`TMPDIR`, else `/tmp`). The files are unlinked as soon as they are created, so they
  /// vanish with the process, however it ends.
  public var cacheDirectory: String?

  /// 256 MiB: a corpus of up to about 30 million tokens (some 200 MB of text) trains in
  /// memory as before, and a larger one stays within the memory of fastText, which streams
  /// its input (`Benchmarks/large-corpus-memory.sh`).
  public static let defaultMemoryBudget = 256 << 20

  /// The system's temporary directory: `TMPDIR`, else `/tmp`.
  public static var defaultCacheDirectory: String {
    if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
    return "/tmp"
  }

  /// Where the disk cache goes: ``cacheDirectory`` or the system's temporary directory.
  public var effectiveCacheDirectory: String { cacheDirectory ?? Self.defaultCacheDirectory }

  /// Creates training settings; the defaults were chosen on the shared corpora
  /// (`docs/ACCURACY.md`).
  ///
  /// - Parameters:
  ///   - epochs: Passes over the data; nil (the default) chooses them on dev data, up to
  ///     ``defaultMaximumEpochs``.
  ///   - learningRate: The initial learning rate; 0.1 by default.
  ///   - seed: The random seed; 1 by default.
  ///   - threads: Worker threads; 1 by default. Any count gives the same model while
  ///     ``reproducible`` is on.
  ///   - sampling: How tasks are interleaved; temperature sampling with T = 1.5 by default,
  ///     chosen on the seven-task benchmark (see ``TaskSampling/defaultTemperature``).
  ///   - skipInvalid: Whether malformed records are skipped; off by default.
  ///   - keepBestEpoch: Whether to keep the best epoch on dev; off by default.
  ///   - weighting: How the tasks' losses are weighted; fixed by default.
  ///   - taskPatience: Epochs without a better dev accuracy before a task stops; 0 (off) by
  ///     default.
  ///   - optimizer: AdaGrad by default.
  ///   - patience: Dev plateaus before automatic epochs stop; 2 by default.
  public init(
    epochs: Int? = nil,
    learningRate: Double = 0.1,
    seed: UInt64 = 1,
    threads: Int = 1,
    sampling: TaskSampling = .temperature(TaskSampling.defaultTemperature),
    skipInvalid: Bool = false,
    keepBestEpoch: Bool = false,
    weighting: LossWeighting = .fixed,
    taskPatience: Int = 0,
    optimizer: Optimizer = .adagrad,
    patience: Int = 2
  ) {
    epochCount = epochs.map { .fixed($0) } ?? .automatic(maximum: Self.defaultMaximumEpochs)
    self.optimizer = optimizer
    self.patience = patience
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
    case weighting, taskPatience, optimizer, automaticEpochs, patience, initialModel
    case calibrate, memoryBudget, fitBiases, reproducible
  }

  /// Decodes settings written by ``encode(to:)``: the sampling strategy by name, with its
  /// temperature under a key of its own, as in configuration files.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let epochs = try container.decode(Int.self, forKey: .epochs)
    learningRate = try container.decode(Double.self, forKey: .learningRate)
    seed = try container.decode(UInt64.self, forKey: .seed)
    threads = try container.decode(Int.self, forKey: .threads)
    reproducible = try container.decodeIfPresent(Bool.self, forKey: .reproducible) ?? true
    skipInvalid = try container.decode(Bool.self, forKey: .skipInvalid)
    keepBestEpoch = try container.decodeIfPresent(Bool.self, forKey: .keepBestEpoch) ?? false
    weighting = try container.decodeIfPresent(LossWeighting.self, forKey: .weighting) ?? .fixed
    taskPatience = try container.decodeIfPresent(Int.self, forKey: .taskPatience) ?? 0
    // Models written before these settings existed trained with SGD for fixed epochs.
    optimizer = try container.decodeIfPresent(Optimizer.self, forKey: .optimizer) ?? .sgd
    let automatic = try container.decodeIfPresent(Bool.self, forKey: .automaticEpochs) ?? false
    epochCount = automatic ? .automatic(maximum: epochs) : .fixed(epochs)
    patience = try container.decodeIfPresent(Int.self, forKey: .patience) ?? 2
    initialModel = try container.decodeIfPresent(String.self, forKey: .initialModel)
    calibrate = try container.decodeIfPresent(Bool.self, forKey: .calibrate) ?? true
    fitBiases = try container.decodeIfPresent(Bool.self, forKey: .fitBiases) ?? true
    if container.contains(.memoryBudget) {
      memoryBudget = try container.decodeIfPresent(Int.self, forKey: .memoryBudget)
    }
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
    // Written only when off, so reproducible settings keep their exact bytes.
    if !reproducible { try container.encode(reproducible, forKey: .reproducible) }
    try container.encode(sampling.name, forKey: .sampling)
    if case .temperature(let temperature) = sampling {
      try container.encode(temperature, forKey: .temperature)
    }
    try container.encode(skipInvalid, forKey: .skipInvalid)
    try container.encode(keepBestEpoch, forKey: .keepBestEpoch)
    try container.encode(weighting, forKey: .weighting)
    try container.encode(taskPatience, forKey: .taskPatience)
    // Written only when it is not SGD, so models trained before the setting existed, and
    // those that keep SGD, keep their exact manifest bytes.
    if optimizer != .sgd { try container.encode(optimizer, forKey: .optimizer) }
    if automaticEpochs {
      try container.encode(automaticEpochs, forKey: .automaticEpochs)
      try container.encode(patience, forKey: .patience)
    }
    try container.encodeIfPresent(initialModel, forKey: .initialModel)
    // Written only when off, so manifests keep their bytes.
    if !calibrate { try container.encode(false, forKey: .calibrate) }
    if !fitBiases { try container.encode(false, forKey: .fitBiases) }
    // Written only when not the default, likewise; nil (no limit) is written as null.
    if memoryBudget != Self.defaultMemoryBudget {
      if let memoryBudget {
        try container.encode(memoryBudget, forKey: .memoryBudget)
      } else {
        try container.encodeNil(forKey: .memoryBudget)
      }
    }
  }
}
