/// Everything one training run carries from one epoch to the next: the data being trained
/// on, the parameters, and the schedule, weighting, keep-best and stopping state.
///
/// ``Trainer/train(on:development:initialVectors:continuing:shouldStop:onEvent:)`` is a short
/// run of named steps over this value (start, one epoch at a time, finish), so each step
/// reads what it needs from here instead of from a dozen locals.
struct TrainingRun {
  /// The training documents, features renumbered to packed rows.
  let set: TrainingSet
  /// The dev documents (a dev file's, or those held out), features renumbered alike.
  let development: DevelopmentSet?
  /// The vocabulary, label sets and resolved feature settings the data was built with.
  let vocabulary: Vocabulary
  let labelSets: [LabelSet]
  let features: FeatureConfiguration
  /// The shared embedding rows the documents use, and the heads and private tables.
  let embeddings: EmbeddingStorage
  let state: TrainingState
  /// Training documents per label and task, and the class weights and heads they give.
  let labelCounts: [[Int]]
  let labelWeights: [[Float]]
  let heads: HeadLosses
  /// The document order of a set in memory, and the shard order of a cached one.
  var schedule: EpochSchedule
  var shardOrder: SplitMix64
  /// The steps, threads, clock and document length every epoch's context shares.
  let pace: EpochPace
  /// AdaGrad's accumulated squared gradients, with that optimizer.
  let adaptive: AdaptiveRates?
  var best: KeepBestEpoch
  /// The epoch training ended after: the last, or the one the plateau rule stopped at.
  var lastEpoch: Int
  var plateau: PlateauSchedule
  var weighting: any LossWeightingStrategy
  var stopping: TaskEarlyStopping

  /// The state before the first epoch, for `trainer`'s settings and the prepared data.
  ///
  /// - Throws: ``TrainingError/cache(directory:problem:)`` when a cached set's labels cannot
  ///   be counted.
  init(
    trainer: Trainer, data: TrainingData, development: DevelopmentSet?,
    embeddings: EmbeddingStorage, state: TrainingState
  ) throws(TrainingError) {
    let tasks = trainer.tasks
    let training = trainer.training
    let model = trainer.model
    let set = data.set
    self.set = set
    self.development = development
    vocabulary = data.vocabulary
    labelSets = data.labelSets
    features = data.features
    self.embeddings = embeddings
    self.state = state
    labelCounts = try set.countingLabels(labelsPerTask: labelSets.map(\.count))
    labelWeights = ClassWeights.labelWeights(tasks: tasks, labelCounts: labelCounts)
    heads = HeadLosses(tasks: tasks, labelCounts: labelCounts)
    schedule = EpochSchedule(
      sampling: training.sampling, set: set, seed: training.seed, epochs: training.epochs)
    shardOrder = SplitMix64(seed: training.seed, stream: .cacheOrder)
    pace = EpochPace(set: set, training: training)
    adaptive =
      training.optimizer == .adagrad
      ? AdaptiveRates(
        embeddingRows: embeddings.usedRows.count + 1, labelCounts: labelSets.map(\.count),
        privateRows: model.privateBuckets,
        privateTables: model.privateBuckets > 0 ? labelSets.count : 0)
      : nil
    best = KeepBestEpoch(isOn: training.keepBestEpoch || training.automaticEpochs)
    lastEpoch = training.epochs
    plateau = PlateauSchedule(
      learningRate: training.learningRate, patience: training.patience,
      maximumEpochs: training.epochs)
    weighting = training.weighting.strategy.init(taskCount: labelSets.count)
    stopping = TaskEarlyStopping(taskCount: labelSets.count, patience: training.taskPatience)
  }
}

/// What every epoch of a run shares for its learning rate and progress reports.
struct EpochPace {
  /// The steps of the whole run, over which a fixed run's learning rate decays.
  let totalSteps: Double
  /// The SGD threads, no more than the documents.
  let threads: Int
  /// When the run started, for the throughput in progress reports.
  let start = ContinuousClock.now
  /// Tokens per training document, which turn steps into tokens per second.
  let averageTokens: Double

  /// The pace of training on `set` with `training`'s epochs and threads, starting now.
  init(set: TrainingSet, training: TrainingConfiguration) {
    // In floating point: a count of epochs that validation accepts can never overflow here.
    totalSteps = max(1, Double(set.documentCount) * Double(training.epochs))
    threads = ThreadCount.clamped(training.threads, toWork: set.documentCount)
    averageTokens = Double(set.tokenCount) / Double(max(1, set.documentCount))
  }
}
