/// Makes the datasets of one training run from its settings: a builder for the training
/// documents, and one for dev documents encoded like the finished training data.
///
/// The datasets are built before training, by whoever holds the examples (the ``Pipeline``
/// from corpus files, ``Trainer/train(examples:development:shouldStop:onEvent:)`` from memory),
/// and the ``Trainer`` only trains on what it is given. The factory needs the tasks, the text
/// and feature settings, and from the training settings only where and how much may be
/// cached (`memoryBudget`, `cacheDirectory`) and the seed that spreads the cache's shards.
///
/// ```swift
/// let datasets = DatasetFactory(tasks: [TrainingTask(name: "spam")])
/// let data = try datasets.makeTrainingData(examples)
/// let model = try Trainer(tasks: datasets.tasks).train(on: data)
/// ```
public struct DatasetFactory: Sendable {
  /// The tasks, in head order.
  public var tasks: [TrainingTask]
  /// How text is normalized and tokenized.
  public var text: TextConfiguration
  /// Which n-grams become features, automatic choices still open.
  public var features: FeatureConfiguration
  /// The memory budget, cache directory and seed.
  public var training: TrainingConfiguration

  /// Creates a factory; every setting but the tasks has the trainer's defaults.
  ///
  /// - Parameters:
  ///   - tasks: The tasks, at least one, with distinct names.
  ///   - text: Text preparation settings.
  ///   - features: Featurization settings.
  ///   - training: The settings whose memory budget, cache directory and seed apply.
  public init(
    tasks: [TrainingTask], text: TextConfiguration = TextConfiguration(),
    features: FeatureConfiguration = FeatureConfiguration(),
    training: TrainingConfiguration = TrainingConfiguration()
  ) {
    self.tasks = tasks
    self.text = text
    self.features = features
    self.training = training
  }

  /// A builder for these tasks and text settings, to add examples one at a time.
  ///
  /// - Parameter base: The model training continues from, if any: its words keep their ids
  ///   and its labels stay.
  /// - Throws: ``TrainingError/model(_:)`` when ICU cannot open the text pipeline.
  public func makeTrainingSetBuilder(
    continuing base: MultiTaskModel? = nil
  ) throws(TrainingError) -> TrainingSetBuilder {
    try TrainingSetBuilder(
      tasks: tasks.map(\.name), text: text, continuing: base,
      multiLabelTasks: Set(tasks.filter { $0.type == .multiLabel }.map(\.name)),
      memoryBudget: training.memoryBudget, cacheDirectory: training.effectiveCacheDirectory,
      seed: training.seed)
  }

  /// Featurizes `examples` into training data, automatic feature choices resolved.
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

  /// A builder of dev documents encoded like `data`: its vocabulary, label sets and resolved
  /// features.
  ///
  /// - Throws: ``TrainingError/model(_:)`` when ICU cannot open the text pipeline.
  public func makeDevelopmentSetBuilder(
    for data: TrainingData
  ) throws(TrainingError) -> DevelopmentSetBuilder {
    let manifest = ModelManifest(
      normalizer: text.normalizer, tokenizer: text.tokenizer, features: data.features,
      dimension: 1,
      tasks: zip(tasks, data.labelSets).map { task, labels in
        var entry = ModelManifest.Task(name: task.name, labels: labels)
        if task.type == .multiLabel { entry.type = .multiLabel }
        return entry
      },
      training: training)
    return try DevelopmentSetBuilder(manifest: manifest, vocabulary: data.vocabulary)
  }

  /// Featurizes dev `examples` like `data`; nil when there are none.
  ///
  /// - Throws: ``TrainingError``.
  public func makeDevelopmentSet(
    _ examples: some Sequence<Example>, for data: TrainingData
  ) throws(TrainingError) -> DevelopmentSet? {
    var builder = try makeDevelopmentSetBuilder(for: data)
    for example in examples { try builder.add(example) }
    let set = builder.finish()
    return set.isEmpty ? nil : set
  }
}
