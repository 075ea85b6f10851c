/// Makes the datasets of one training run: a builder for the training documents, and one for
/// dev documents encoded like the finished training data.
///
/// The datasets are built before training, by whoever holds the examples (the ``Pipeline``
/// from corpus files, ``Trainer/train(examples:development:shouldStop:onEvent:)`` from
/// memory), and the ``Trainer`` only trains on what it is given. A factory needs the tasks,
/// the text and feature settings, and where and how much of the corpus may go to disk.
///
/// ```swift
/// let datasets = DatasetFactory(tasks: [TaskSpecification(name: "spam")])
/// let data = try datasets.makeTrainingData(examples)
/// let model = try Trainer(tasks: datasets.tasks).train(on: data)
/// ```
public struct DatasetFactory: Sendable {
  /// The tasks, in head order; only their names and types matter here.
  public var tasks: [TaskSpecification]
  /// How text is normalized and tokenized.
  public var text: TextConfiguration
  /// Which n-grams become features, automatic choices still open.
  public var features: FeatureConfiguration
  /// How much of the corpus stays in memory, and where the rest goes.
  public var diskCache: DiskCachePolicy

  /// Creates a factory that keeps the corpus in memory unless told otherwise.
  ///
  /// - Parameters:
  ///   - tasks: The tasks, at least one, with distinct names.
  ///   - text: Text preparation settings.
  ///   - features: Featurization settings.
  ///   - memoryBudget: Bytes the corpus may take in memory; nil, the default, for no limit.
  ///   - cacheDirectory: Where a corpus past the budget is cached.
  ///   - seed: The training seed.
  public init(
    tasks: [TaskSpecification], text: TextConfiguration = TextConfiguration(),
    features: FeatureConfiguration = FeatureConfiguration(), memoryBudget: Int? = nil,
    cacheDirectory: String = TrainingConfiguration.defaultCacheDirectory, seed: UInt64 = 1
  ) {
    self.tasks = tasks
    self.text = text
    self.features = features
    diskCache = DiskCachePolicy(memoryBudget: memoryBudget, directory: cacheDirectory, seed: seed)
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
      memoryBudget: diskCache.memoryBudget, cacheDirectory: diskCache.directory,
      seed: diskCache.seed)
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
    try DevelopmentSetBuilder(
      encodingLike: data, text: text, taskNames: tasks.map(\.name),
      multiLabel: tasks.map { $0.type == .multiLabel })
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
