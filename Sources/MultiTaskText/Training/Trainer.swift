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
      tasks: configuration.tasks, manifest: manifest(labelSets: labelSets, set: set),
      vocabulary: vocabulary, skipInvalid: configuration.training.skipInvalid)
    onEvent(.corpusStatistics(set.corpusStatistics + (development?.corpusStatistics ?? [])))
    return try train(
      on: set, vocabulary: vocabulary, labelSets: labelSets, development: development,
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
    on set: TrainingSet, vocabulary: Vocabulary, labelSets: [LabelSet],
    development: DevelopmentSet? = nil,
    shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (TrainingEvent) -> Void = { _ in }
  ) throws(TrainingError) -> MultiTaskModel {
    let training = configuration.training
    let dimension = configuration.model.dimension
    let rows = vocabulary.count + configuration.features.buckets
    var initialization = SplitMix64(seed: training.seed, stream: .initialization)
    var embeddings = Matrix(
      rows: rows, columns: dimension, uniformBound: 1 / Float(dimension), using: &initialization)
    // Heads start at zero, as in fastText. They live in manually allocated buffers while the
    // workers hold raw pointers to them, and become matrices again at the end.
    let headStorage = labelSets.map { labels in
      let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: labels.count * dimension)
      buffer.initialize(repeating: 0)
      return buffer
    }
    defer { for buffer in headStorage { buffer.deallocate() } }
    let labelWeights = self.labelWeights(set: set, labelSets: labelSets)

    var schedule = EpochSchedule(sampling: training.sampling, set: set, seed: training.seed)
    let totalSteps = Double(max(1, set.documentCount * training.epochs))
    let threads = max(1, min(training.threads, set.documentCount))
    let start = ContinuousClock.now
    let averageTokens = Double(set.tokenCount) / Double(max(1, set.documentCount))
    var best: (epoch: Int, score: Double, embeddings: [Float], heads: [[Float]])?

    for epoch in 1...training.epochs {
      let order = schedule.nextEpoch()
      let outcome = embeddings.withUnsafeMutableStorage { embeddingStorage in
        do {
          let parameters = SharedParameters(
            embeddings: embeddingStorage.baseAddress!, heads: headStorage.map { $0.baseAddress! },
            labelCounts: labelSets.map(\.count), labelWeights: labelWeights, dimension: dimension)
          let context = EpochContext(
            set: set, order: order, epoch: epoch, epochs: training.epochs,
            learningRate: training.learningRate, totalSteps: totalSteps, threads: threads,
            start: start, averageTokens: averageTokens)
          return runEpoch(
            context, parameters: parameters, shouldStop: shouldStop, onEvent: onEvent)
        }
      }
      let losses: [Double?]
      switch outcome {
      case .finished(let averages): losses = averages
      case .diverged(let rate): throw .diverged(epoch: epoch, learningRate: rate)
      case .stopped: throw .cancelled(epochsCompleted: epoch - 1)
      }
      let accuracy: [Double?] = embeddings.withUnsafeMutableStorage { storage in
        guard let development else { return Array(repeating: nil, count: labelSets.count) }
        return development.accuracy(
          parameters: SharedParameters(
            embeddings: storage.baseAddress!, heads: headStorage.map { $0.baseAddress! },
            labelCounts: labelSets.map(\.count), labelWeights: labelWeights,
            dimension: dimension))
      }
      onEvent(.epochFinished(epoch: epoch, averageLoss: losses, devAccuracy: accuracy))
      let scored = accuracy.compactMap { $0 }
      if training.keepBestEpoch, !scored.isEmpty {
        let score = scored.reduce(0, +) / Double(scored.count)
        if best == nil || score > best!.score {
          best = (epoch, score, embeddings.storage, headStorage.map { Array($0) })
        }
      }
    }
    if let best, best.epoch != training.epochs {
      embeddings = Matrix(rows: rows, columns: dimension, storage: best.embeddings)
      for (storage, saved) in zip(headStorage, best.heads) {
        _ = storage.update(fromContentsOf: saved)
      }
      onEvent(.keptEpoch(best.epoch))
    }
    Self.zeroRowsNeverTrained(&embeddings, features: set.features)
    let heads = zip(labelSets, headStorage).map { labels, storage in
      Matrix(rows: labels.count, columns: dimension, storage: Array(storage))
    }
    return MultiTaskModel(
      manifest: manifest(labelSets: labelSets, set: set), vocabulary: vocabulary,
      embeddings: embeddings,
      heads: heads)
  }

  /// Sets every embedding row that no training document used back to zero.
  ///
  /// Those rows still hold their random initialization and carry no information, yet a test
  /// n-gram hashing into one would add that noise to its document. Zero rows also let the
  /// model file store only the rows that were trained.
  static func zeroRowsNeverTrained(_ embeddings: inout Matrix, features: [Int32]) {
    var used = [Bool](repeating: false, count: embeddings.rows)
    for id in features { used[Int(id)] = true }
    let columns = embeddings.columns
    embeddings.withUnsafeMutableStorage { storage in
      for row in 0..<used.count where !used[row] {
        (storage.baseAddress! + row * columns).update(repeating: 0, count: columns)
      }
    }
  }

  /// The manifest recording how this trainer prepares text and features.
  func manifest(labelSets: [LabelSet], set: TrainingSet) -> ModelManifest {
    let counts = set.labelCounts(labelsPerTask: labelSets.map(\.count))
    return ModelManifest(
      normalizer: configuration.text.normalizer, tokenizer: configuration.text.tokenizer,
      features: configuration.features, dimension: configuration.model.dimension,
      tasks: configuration.tasks.indices.map { task in
        ModelManifest.Task(
          name: configuration.tasks[task].name, labels: labelSets[task],
          weight: configuration.tasks[task].weight, labelCounts: counts[task])
      },
      training: configuration.training)
  }

  /// Task weight × class weight for every task and label. Balanced class weights are
  /// `documents / (labels × documents with the label)`, as in scikit-learn.
  func labelWeights(set: TrainingSet, labelSets: [LabelSet]) -> [[Float]] {
    let counts = set.labelCounts(labelsPerTask: labelSets.map(\.count))
    return configuration.tasks.indices.map { task in
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
