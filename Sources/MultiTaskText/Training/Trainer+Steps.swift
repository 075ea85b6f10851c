extension Trainer {
  /// The first step of a run: checks the data against the tasks, holds out dev documents
  /// when automatic epochs have none, allocates and starts the embedding rows, and packs the
  /// features onto them.
  func start(
    on data: consuming TrainingData, development: consuming DevelopmentSet?,
    initialVectors: InitialVectors?, continuing base: MultiTaskModel?,
    onEvent: @escaping @Sendable (TrainingEvent) -> Void
  ) throws(TrainingError) -> TrainingRun {
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
        labels: TaskValues(tasks: tasks.map(\.name), values: labelSets.map(\.count))))
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
    let embeddings = try makeEmbeddings(for: data)
    // From here on, features are packed row numbers.
    let packed = embeddings.packedRows()
    if let initialVectors {
      guard initialVectors.dimension == model.dimension else {
        throw .vectorDimension(expected: model.dimension, found: initialVectors.dimension)
      }
      let used = embeddings.initialize(from: initialVectors, packed: packed)
      onEvent(.pretrainedVectors(words: used))
    }
    data.set.remapFeatures(packed)
    development?.remapFeatures(packed)
    let state = TrainingState(
      dimension: model.dimension, labelCounts: labelSets.map(\.count),
      privateBuckets: model.privateBuckets)
    if let base {
      start(
        from: base, embeddings: embeddings, vocabularySize: data.vocabulary.count, state: state,
        labelSets: labelSets)
    }
    return try TrainingRun(
      trainer: self, data: data, development: development, embeddings: embeddings, state: state)
  }

  /// The embedding rows `data`'s documents use, randomly initialized from the seed.
  ///
  /// - Throws: ``TrainingError/modelTooLarge(problem:)`` past the file format's limits, or
  ///   ``TrainingError/outOfMemory(bytes:)`` when the rows cannot be allocated.
  private func makeEmbeddings(for data: TrainingData) throws(TrainingError) -> EmbeddingStorage {
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
    return embeddings
  }

  /// One epoch's SGD over the whole set, in memory or shard by shard from the disk cache.
  ///
  /// - Returns: Each task's mean loss over the epoch, nil for a task without a document.
  /// - Throws: ``TrainingError/diverged(epoch:learningRate:)``,
  ///   ``TrainingError/cancelled(epochsCompleted:)``, or a cache error.
  func trainEpoch(
    _ epoch: Int, of run: inout TrainingRun, parameters: SharedParameters,
    shouldStop: @escaping @Sendable () -> Bool,
    onEvent: @escaping @Sendable (TrainingEvent) -> Void
  ) throws(TrainingError) -> [Double?] {
    let rate = run.plateau.learningRate
    let earliest = training.automaticEpochs ? run.plateau.earliestLastEpoch(during: epoch) : nil
    let pace = run.pace
    let embeddingRows = run.embeddings.usedRows.count + 1
    let taskNames = tasks.map(\.name)
    let makeContext = { (block: TrainingSet, order: [Int32], stepsBefore: Double) in
      EpochContext(
        set: block, order: order, epoch: epoch, epochs: training.epochs,
        earliestLastEpoch: earliest, stepsBefore: stepsBefore, learningRate: rate,
        totalSteps: pace.totalSteps, decays: !training.automaticEpochs, threads: pace.threads,
        reproducible: training.reproducible, embeddingRows: embeddingRows,
        shardPlan: shardPlan,
        start: pace.start, averageTokens: pace.averageTokens, taskNames: taskNames)
    }
    let weighting = run.weighting
    let outcome: EpochOutcome
    if run.set.isCached {
      var shardOrder = run.shardOrder
      outcome = try runCachedEpoch(
        run.set, epoch: epoch, generator: &shardOrder, makeContext: makeContext
      ) { context in
        weighting.runEpoch(
          of: self, context, parameters: parameters, shouldStop: shouldStop, onEvent: onEvent)
      }
      run.shardOrder = shardOrder
    } else {
      let context = makeContext(
        run.set, run.schedule.nextEpoch(), Double((epoch - 1) * run.set.documentCount))
      outcome = weighting.runEpoch(
        of: self, context, parameters: parameters, shouldStop: shouldStop, onEvent: onEvent)
    }
    switch outcome {
    case .finished(let sums): return sums.averages
    case .diverged(let rate): throw .diverged(epoch: epoch, learningRate: rate)
    case .stopped: throw .cancelled(epochsCompleted: epoch - 1)
    }
  }

  /// The parameters epoch `epoch`'s workers share: the run's rows and heads, with this
  /// epoch's head settings, active tasks and loss multipliers.
  func epochParameters(_ epoch: Int, of run: TrainingRun) -> SharedParameters {
    var parameters = run.state.parameters(
      embeddings: run.embeddings.pointer, labelWeights: run.labelWeights)
    parameters.headScales = tasks.map { Float($0.learningRateScale) }
    parameters.taskWeights = tasks.map { Float($0.weight) }
    parameters.active = run.stopping.active
    parameters.adaptive = run.adaptive?.pointers
    run.heads.configure(&parameters, epoch: epoch, seed: training.seed)
    if let multipliers = run.weighting.epochMultipliers() {
      parameters.epochMultipliers = multipliers
    }
    return parameters
  }
}
