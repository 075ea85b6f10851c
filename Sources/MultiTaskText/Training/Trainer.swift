import Dispatch

/// Trains one multi-task model on examples: builds the vocabulary and features, then runs SGD
/// with fastText's linearly decaying learning rate.
///
/// The trainer takes data, not files: examples held in memory, or a ``TrainingData`` built
/// beforehand (the ``Pipeline`` builds one from corpus files). Randomness comes only from
/// `training.seed`, split into separate streams for initialization and for the document order.
/// With one thread the model is byte-for-byte reproducible; `threads > 1` runs lock-free
/// Hogwild SGD, which is faster and not reproducible. The trainer never prints: it reports
/// ``TrainingEvent``s.
///
/// ```swift
/// let trainer = Trainer(tasks: [TrainingTask(name: "spam")])
/// let model = try trainer.train(examples: [
///   Example(text: "win a free prize now", labels: ["spam": "spam"]),
///   Example(text: "see you at lunch", labels: ["spam": "ham"]),
/// ])
/// ```
public struct Trainer: Sendable {
  /// The tasks, in head order.
  public var tasks: [TrainingTask]
  /// How text is normalized and tokenized.
  public var text: TextConfiguration
  /// Which n-grams become features.
  public var features: FeatureConfiguration
  /// The size of the shared model.
  public var model: ModelConfiguration
  /// The schedule, sampling, weighting and seed.
  public var training: TrainingConfiguration

  /// Creates a trainer; every setting but the tasks has fastText-like defaults.
  ///
  /// - Parameters:
  ///   - tasks: The tasks, at least one, with distinct names.
  ///   - text: Text preparation settings.
  ///   - features: Featurization settings.
  ///   - model: Model size.
  ///   - training: The training schedule.
  public init(
    tasks: [TrainingTask], text: TextConfiguration = TextConfiguration(),
    features: FeatureConfiguration = FeatureConfiguration(),
    model: ModelConfiguration = ModelConfiguration(),
    training: TrainingConfiguration = TrainingConfiguration()
  ) {
    self.tasks = tasks
    self.text = text
    self.features = features
    self.model = model
    self.training = training
  }

  /// A builder for this trainer's tasks and text settings, to add examples one at a time.
  ///
  /// - Throws: ``TrainingError/model(_:)`` when ICU cannot open the text pipeline.
  ///
  /// - Parameter base: The model training continues from, if any.
  public func makeTrainingSetBuilder(
    continuing base: MultiTaskModel? = nil
  ) throws(TrainingError) -> TrainingSetBuilder {
    try TrainingSetBuilder(
      tasks: tasks.map(\.name), text: text, continuing: base,
      multiLabelTasks: Set(tasks.filter { $0.type == .multiLabel }.map(\.name)),
      memoryBudget: training.memoryBudget, cacheDirectory: training.effectiveCacheDirectory,
      seed: training.seed)
  }

  /// Featurizes `examples` into training data.
  ///
  /// - Parameter examples: Documents with labels by task name; a task left out is masked.
  /// - Throws: ``TrainingError``.
  public func makeTrainingData(
    _ examples: some Sequence<Example>
  ) throws(TrainingError) -> TrainingData {
    var builder = try makeTrainingSetBuilder()
    for example in examples { try builder.add(example) }
    return try builder.finish(features: features)
  }

  /// A builder of dev documents encoded like `data`.
  ///
  /// - Throws: ``TrainingError/model(_:)`` when ICU cannot open the text pipeline.
  public func makeDevelopmentSetBuilder(
    for data: TrainingData
  ) throws(TrainingError) -> DevelopmentSetBuilder {
    try DevelopmentSetBuilder(
      manifest: manifest(labelSets: data.labelSets, labelCounts: nil, features: data.features),
      vocabulary: data.vocabulary)
  }

  /// Trains on examples held in memory.
  ///
  /// - Parameters:
  ///   - examples: The training documents.
  ///   - development: Dev documents, scored after every epoch; none by default.
  ///   - shouldStop: Polled during training; return true to stop (for Ctrl-C).
  ///   - onEvent: Receives progress; called from a training thread.
  /// - Returns: The trained model.
  /// - Throws: ``TrainingError``.
  public func train(
    examples: some Sequence<Example>, development: some Sequence<Example> = [Example](),
    shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (TrainingEvent) -> Void = { _ in }
  ) throws(TrainingError) -> MultiTaskModel {
    let data = try makeTrainingData(examples)
    var builder = try makeDevelopmentSetBuilder(for: data)
    for example in development { try builder.add(example) }
    let set = builder.finish()
    return try train(
      on: data, development: set.isEmpty ? nil : set, shouldStop: shouldStop, onEvent: onEvent)
  }

  /// The share of the training documents held out as dev data when automatic epochs have
  /// no dev file: enough to rank epochs, little enough to cost the model little.
  static let heldOutFraction = 0.1

  /// Trains on featurized data.
  ///
  /// - Parameters:
  ///   - data: The training documents, vocabulary and label sets.
  ///   - development: Dev documents, scored after every epoch; needed by
  ///     `training.keepBestEpoch` and `training.taskPatience`.
  ///   - initialVectors: Pretrained vectors that start the rows of the words they name.
  ///   - base: A model to continue from (see ``continuing(from:)``); `data` must have been
  ///     built by ``makeTrainingSetBuilder(continuing:)`` with it.
  ///   - shouldStop: Polled during training; return true to stop (for Ctrl-C).
  ///   - onEvent: Receives progress; called from a training thread.
  /// - Returns: The trained model.
  /// - Throws: ``TrainingError``.
  public func train(
    on data: consuming TrainingData, development: consuming DevelopmentSet? = nil,
    initialVectors: InitialVectors? = nil, continuing base: MultiTaskModel? = nil,
    shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (TrainingEvent) -> Void = { _ in }
  ) throws(TrainingError) -> MultiTaskModel {
    let taskNames = tasks.map(\.name)
    let labelSets = data.labelSets
    for (task, labels) in zip(tasks, labelSets) {
      for label in task.metric.namedLabels where labels.id(of: label) == nil {
        throw .unknownMetricLabel(task: task.name, label: label, labels: labels.labels)
      }
    }
    onEvent(
      .started(
        documents: data.set.documentCount, tokens: data.set.tokenCount,
        vocabulary: data.vocabulary.count,
        labels: TaskValues(tasks: taskNames, values: labelSets.map(\.count))))
    if training.automaticEpochs && (development?.isEmpty ?? true) {
      let (kept, heldOut) =
        data.set.isCached
        ? try data.set.holdingOutCached(fraction: Self.heldOutFraction)
        : data.set.holdingOut(fraction: Self.heldOutFraction, seed: training.seed)
      if !heldOut.isEmpty {
        data.set = kept
        development = heldOut
        onEvent(.heldOut(documents: heldOut.documentCount))
      }
    }
    let dimension = model.dimension
    let rows = data.vocabulary.count + data.features.buckets
    if let problem = ModelLimits.problem(rows: rows, dimension: dimension) {
      throw .modelTooLarge(problem: problem)
    }
    guard
      let embeddings = EmbeddingStorage(
        rows: rows, columns: dimension, used: try data.set.usedRows(rows: rows),
        seed: training.seed,
        bound: 1 / Float(dimension))
    else {
      throw .outOfMemory(bytes: rows * dimension * MemoryLayout<Float>.stride)
    }
    // From here on, features are packed row numbers.
    let packed = embeddings.packedRows()
    if let initialVectors {
      guard initialVectors.dimension == dimension else {
        throw .vectorDimension(expected: dimension, found: initialVectors.dimension)
      }
      let used = embeddings.initialize(from: initialVectors, packed: packed)
      onEvent(.pretrainedVectors(words: used))
    }
    data.set.remapFeatures(packed)
    development?.remapFeatures(packed)
    let set = data.set
    let state = TrainingState(
      dimension: dimension, labelCounts: labelSets.map(\.count),
      privateBuckets: model.privateBuckets)
    if let base {
      start(
        from: base, embeddings: embeddings, vocabularySize: data.vocabulary.count, state: state,
        labelSets: labelSets)
    }
    let labelCounts = try set.countingLabels(labelsPerTask: labelSets.map(\.count))
    let labelWeights = ClassWeights.labelWeights(tasks: tasks, labelCounts: labelCounts)
    let heads = HeadLosses(tasks: tasks, labelCounts: labelCounts)

    var schedule = EpochSchedule(
      sampling: training.sampling, set: set, seed: training.seed, epochs: training.epochs)
    var shardOrder = SplitMix64(seed: training.seed, stream: .cacheOrder)
    // In floating point: a count of epochs that validation accepts can never overflow here.
    let totalSteps = max(1, Double(set.documentCount) * Double(training.epochs))
    let threads = ThreadCount.clamped(training.threads, toWork: set.documentCount)
    let start = ContinuousClock.now
    let averageTokens = Double(set.tokenCount) / Double(max(1, set.documentCount))
    let adaptive =
      training.optimizer == .adagrad
      ? AdaptiveRates(
        embeddingRows: embeddings.usedRows.count + 1, labelCounts: labelSets.map(\.count),
        privateRows: model.privateBuckets,
        privateTables: model.privateBuckets > 0 ? labelSets.count : 0)
      : nil
    var best = KeepBestEpoch(isOn: training.keepBestEpoch || training.automaticEpochs)
    var lastEpoch = training.epochs
    var plateau = PlateauSchedule(
      learningRate: training.learningRate, patience: training.patience,
      maximumEpochs: training.epochs)
    var weighting = training.weighting.strategy.init(taskCount: labelSets.count)
    var stopping = TaskEarlyStopping(taskCount: labelSets.count, patience: training.taskPatience)

    epochs: for epoch in 1...training.epochs {
      var parameters = state.parameters(embeddings: embeddings.pointer, labelWeights: labelWeights)
      parameters.headScales = tasks.map { Float($0.learningRateScale) }
      parameters.multiLabel = tasks.map { $0.type == .multiLabel }
      parameters.taskWeights = tasks.map { Float($0.weight) }
      parameters.active = stopping.active
      parameters.adaptive = adaptive?.pointers
      heads.configure(&parameters, epoch: epoch, seed: training.seed)
      if let multipliers = weighting.epochMultipliers() {
        parameters.epochMultipliers = multipliers
      }
      let rate = plateau.learningRate
      let earliest = training.automaticEpochs ? plateau.earliestLastEpoch(during: epoch) : nil
      let makeContext = { (block: TrainingSet, order: [Int32], stepsBefore: Double) in
        EpochContext(
          set: block, order: order, epoch: epoch, epochs: training.epochs,
          earliestLastEpoch: earliest, stepsBefore: stepsBefore, learningRate: rate,
          totalSteps: totalSteps,
          decays: !training.automaticEpochs,
          threads: threads,
          start: start, averageTokens: averageTokens, taskNames: taskNames)
      }
      let outcome: EpochOutcome
      if set.isCached {
        outcome = try runCachedEpoch(
          set, epoch: epoch, generator: &shardOrder, makeContext: makeContext
        ) { context in
          weighting.runEpoch(
            of: self, context, parameters: parameters, shouldStop: shouldStop, onEvent: onEvent)
        }
      } else {
        let context = makeContext(
          set, schedule.nextEpoch(), Double((epoch - 1) * set.documentCount))
        outcome = weighting.runEpoch(
          of: self, context, parameters: parameters, shouldStop: shouldStop, onEvent: onEvent)
      }
      let losses: [Double?]
      switch outcome {
      case .finished(let sums): losses = sums.averages
      case .diverged(let rate): throw .diverged(epoch: epoch, learningRate: rate)
      case .stopped: throw .cancelled(epochsCompleted: epoch - 1)
      }
      weighting.record(epochLosses: losses)
      let none = [Double?](repeating: nil, count: labelSets.count)
      let scores =
        development?.score(
          parameters: parameters, metrics: tasks.map(\.metric), labelSets: labelSets,
          thresholds: tasks.map(\.thresholds))
        ?? DevelopmentScores(accuracy: none, score: none, loss: none)
      let accuracy = scores.accuracy
      onEvent(
        .epochFinished(
          EpochSummary(
            epoch: epoch, loss: TaskValues(tasks: taskNames, values: losses),
            devAccuracy: TaskValues(tasks: taskNames, values: accuracy),
            devScore: TaskValues(tasks: taskNames, values: scores.score),
            devMetric: TaskValues(tasks: taskNames, values: tasks.map(\.metric)))))
      for task in stopping.update(epoch: epoch, scores: scores.score, state: state) {
        onEvent(
          .taskStopped(task: taskNames[task], epoch: epoch, keptEpoch: stopping.bestEpochs[task]))
      }
      let improved = best.consider(
        epoch: epoch, scores: scores, breaksTiesByLoss: training.automaticEpochs,
        embeddings: embeddings, state: state)
      if training.automaticEpochs, let bestEpoch = best.bestEpoch {
        switch plateau.decide(epoch: epoch, improved: improved) {
        case .goOn: break
        case .rewind: best.rewind(embeddings: embeddings, state: state)
        case .stop:
          lastEpoch = epoch
          if epoch < training.epochs { onEvent(.stoppedEarly(epoch: epoch, bestEpoch: bestEpoch)) }
          break epochs
        }
      }
    }
    if let kept = best.restore(lastEpoch: lastEpoch, embeddings: embeddings, state: state) {
      onEvent(.keptEpoch(kept))
    }
    var manifest = manifest(
      labelSets: labelSets, labelCounts: labelCounts, features: data.features)
    var finalParameters = state.parameters(
      embeddings: embeddings.pointer, labelWeights: labelWeights)
    finalParameters.multiLabel = tasks.map { $0.type == .multiLabel }
    heads.configure(&finalParameters, epoch: 0, seed: training.seed)
    fitDecisions(
      of: &manifest, development: development, parameters: finalParameters, onEvent: onEvent)
    return MultiTaskModel(
      manifest: manifest,
      vocabulary: data.vocabulary, embeddings: embeddings.finish(), heads: state.headMatrices(),
      privateEmbeddings: state.privateMatrices())
  }
}
