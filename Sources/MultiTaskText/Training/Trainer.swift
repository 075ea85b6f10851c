import Dispatch

/// Trains one multi-task model from a configuration: reads and featurizes every task's
/// corpus, then runs SGD with fastText's linearly decaying learning rate.
///
/// Randomness comes only from `training.seed`, split into separate streams for
/// initialization and for the document order. With one thread the model is byte-for-byte
/// reproducible; `threads > 1` runs lock-free Hogwild SGD, which is faster and not
/// reproducible. The trainer never prints: it reports ``TrainingEvent``s.
public struct Trainer: Sendable {
  /// The settings.
  public let configuration: PipelineConfiguration

  /// Creates a trainer for `configuration`.
  public init(configuration: PipelineConfiguration) {
    self.configuration = configuration
  }

  /// Reads the corpora and trains.
  ///
  /// - Parameters:
  ///   - shouldStop: Polled during training; return true to stop (for Ctrl-C).
  ///   - onEvent: Receives progress; called from a training thread.
  /// - Throws: ``TrainingError``.
  public func train(
    shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (TrainingEvent) -> Void = { _ in }
  ) throws(TrainingError) -> MultiTaskModel {
    let (vocabulary, labelSets, set) = try readCorpora()
    onEvent(
      .corporaRead(
        documents: set.documentCount, tokens: set.tokenCount, vocabulary: vocabulary.count,
        labelsPerTask: labelSets.map(\.count)))
    let development = try DevelopmentSet.read(
      tasks: configuration.tasks, manifest: manifest(labelSets: labelSets, labelCounts: nil),
      vocabulary: vocabulary, skipInvalid: configuration.training.skipInvalid)
    onEvent(.corpusStatistics(set.corpusStatistics + (development?.corpusStatistics ?? [])))
    return try train(
      on: consume set, vocabulary: vocabulary, labelSets: labelSets,
      development: consume development,
      shouldStop: shouldStop, onEvent: onEvent)
  }

  /// Reads and featurizes the training corpora.
  public func readCorpora() throws(TrainingError) -> (Vocabulary, [LabelSet], TrainingSet) {
    var builder: TrainingSetBuilder
    do {
      builder = try TrainingSetBuilder(tasks: configuration.tasks, text: configuration.text)
    } catch {
      throw .text(path: configuration.tasks.first?.train.path ?? "", line: 0, error: error)
    }
    try builder.readCorpora(skipInvalid: configuration.training.skipInvalid)
    return try builder.finish(features: configuration.features)
  }

  /// Trains on an already featurized set.
  public func train(
    on set: consuming TrainingSet, vocabulary: Vocabulary, labelSets: [LabelSet],
    development: consuming DevelopmentSet? = nil,
    shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (TrainingEvent) -> Void = { _ in }
  ) throws(TrainingError) -> MultiTaskModel {
    let training = configuration.training
    let dimension = configuration.model.dimension
    let rows = vocabulary.count + configuration.features.buckets
    guard
      let embeddings = EmbeddingStorage(
        rows: rows, columns: dimension, features: set.features, seed: training.seed,
        bound: 1 / Float(dimension))
    else {
      throw .outOfMemory(bytes: rows * dimension * MemoryLayout<Float>.stride)
    }
    // From here on, features are packed row numbers.
    do {
      let packed = embeddings.packedRows()
      set.remapFeatures(packed)
      development?.remapFeatures(packed)
    }
    let state = TrainingState(
      dimension: dimension, labelCounts: labelSets.map(\.count),
      privateBuckets: configuration.model.privateBuckets)
    let labelCounts = set.labelCounts(labelsPerTask: labelSets.map(\.count))
    let labelWeights = self.labelWeights(labelCounts: labelCounts, labelSets: labelSets)
    let headScales = configuration.tasks.map { Float($0.learningRateScale) }

    var schedule = EpochSchedule(
      sampling: training.sampling, set: copy set, seed: training.seed, epochs: training.epochs)
    let totalSteps = Double(max(1, set.documentCount * training.epochs))
    let threads = max(1, min(training.threads, set.documentCount))
    let start = ContinuousClock.now
    let averageTokens = Double(set.tokenCount) / Double(max(1, set.documentCount))
    var best: (epoch: Int, score: Double, embeddings: [Float], tasks: [[Float]])?
    let embeddingPointer = embeddings.pointer
    var dynamic = DynamicWeightAverage()
    var stopping = TaskEarlyStopping(taskCount: labelSets.count, patience: training.taskPatience)

    for epoch in 1...training.epochs {
      let order = schedule.nextEpoch()
      var parameters = state.parameters(
        embeddings: embeddingPointer, labelWeights: labelWeights, weighting: training.weighting)
      parameters.headScales = headScales
      parameters.active = stopping.active
      if training.weighting == .dynamic {
        parameters.epochMultipliers = dynamic.weights(taskCount: labelSets.count)
      }
      let context = EpochContext(
        set: copy set, order: order, epoch: epoch, epochs: training.epochs,
        learningRate: training.learningRate, totalSteps: totalSteps, threads: threads,
        start: start, averageTokens: averageTokens)
      let outcome = runEpoch(
        context, parameters: parameters, shouldStop: shouldStop, onEvent: onEvent)
      let losses: [Double?]
      switch outcome {
      case .finished(let averages): losses = averages
      case .diverged(let rate): throw .diverged(epoch: epoch, learningRate: rate)
      case .stopped: throw .cancelled(epochsCompleted: epoch - 1)
      }
      dynamic.record(losses)
      let accuracy =
        development?.accuracy(parameters: parameters)
        ?? Array(repeating: nil, count: labelSets.count)
      onEvent(.epochFinished(epoch: epoch, averageLoss: losses, devAccuracy: accuracy))
      for task in stopping.update(epoch: epoch, accuracy: accuracy, state: state) {
        onEvent(.taskStopped(task: task, epoch: epoch, keptEpoch: stopping.bestEpochs[task]))
      }
      let scored = accuracy.compactMap { $0 }
      if training.keepBestEpoch, !scored.isEmpty {
        let score = scored.reduce(0, +) / Double(scored.count)
        if best == nil || score > best!.score {
          best = (
            epoch, score, embeddings.snapshot(),
            labelSets.indices.map { state.snapshot(task: $0) }
          )
        }
      }
    }
    if let best, best.epoch != training.epochs {
      embeddings.restore(best.embeddings)
      for (task, saved) in best.tasks.enumerated() { state.restore(task: task, from: saved) }
      onEvent(.keptEpoch(best.epoch))
    }
    return MultiTaskModel(
      manifest: manifest(labelSets: labelSets, labelCounts: labelCounts), vocabulary: vocabulary,
      embeddings: embeddings.finish(), heads: state.headMatrices(),
      privateEmbeddings: state.privateMatrices())
  }

  /// The manifest recording how this trainer prepares text and features, with the training
  /// documents per label when they are known.
  func manifest(labelSets: [LabelSet], labelCounts: [[Int]]?) -> ModelManifest {
    var manifest = ModelManifest(
      normalizer: configuration.text.normalizer, tokenizer: configuration.text.tokenizer,
      features: configuration.features, dimension: configuration.model.dimension,
      tasks: configuration.tasks.indices.map { task in
        ModelManifest.Task(
          name: configuration.tasks[task].name, labels: labelSets[task],
          weight: configuration.tasks[task].weight, labelCounts: labelCounts?[task])
      },
      training: configuration.training)
    let privateBuckets = configuration.model.privateBuckets
    manifest.privateRows = privateBuckets > 0 ? privateBuckets : nil
    return manifest
  }

  /// Task weight × class weight for every task and label. Balanced class weights are
  /// `documents / (labels × documents with the label)`, as in scikit-learn.
  func labelWeights(labelCounts counts: [[Int]], labelSets: [LabelSet]) -> [[Float]] {
    configuration.tasks.indices.map { task in
      let weight = Float(configuration.tasks[task].weight)
      guard configuration.tasks[task].classWeighting == .balanced else {
        return Array(repeating: weight, count: labelSets[task].count)
      }
      let total = Float(counts[task].reduce(0, +))
      let labels = Float(counts[task].count)
      return counts[task].map { $0 > 0 ? weight * total / (labels * Float($0)) : weight }
    }
  }
}
