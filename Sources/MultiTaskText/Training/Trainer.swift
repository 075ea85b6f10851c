/// Trains one multi-task model on built datasets with SGD and fastText's linearly decaying
/// learning rate.
///
/// The trainer takes data, not files, and builds none: a ``TrainingData`` (and a dev
/// ``DevelopmentSet``) built beforehand by a ``DatasetFactory``, as the ``Pipeline`` does
/// from corpus files, or examples held in memory, which
/// ``train(examples:development:shouldStop:onEvent:)`` hands to a factory first. A run is
/// three named steps over a `TrainingRun` value: start, one epoch at a time, finish.
///
/// Randomness comes only from `training.seed`, split into separate streams for
/// initialization and for the document order.
/// The model is byte-for-byte reproducible on any number of threads: each epoch runs in rounds
/// of a fixed number of shards merged in shard order (``TrainingConfiguration/reproducible``;
/// off, the threads run lock-free Hogwild SGD). The trainer never prints: it reports
/// ``TrainingEvent``s.
///
/// ```swift
/// let trainer = Trainer(tasks: [TaskSpecification(name: "spam")])
/// let model = try trainer.train(examples: [
///   Example(text: "win a free prize now", labels: ["spam": "spam"]),
///   Example(text: "see you at lunch", labels: ["spam": "ham"]),
/// ])
/// ```
public struct Trainer: Sendable {
  /// The tasks, in head order.
  public var tasks: [TaskSpecification]
  /// How text is normalized and tokenized.
  public var text: TextConfiguration
  /// Which n-grams become features.
  public var features: FeatureConfiguration
  /// The size of the shared model.
  public var model: ModelConfiguration
  /// The schedule, sampling, weighting and seed.
  public var training: TrainingConfiguration
  /// The shards of every reproducible epoch, so a test can train a small set in several;
  /// nil (the default) chooses them from the data (``ShardPlan``).
  var shardPlan: ShardPlan?

  /// Creates a trainer; every setting but the tasks has fastText-like defaults.
  ///
  /// - Parameters:
  ///   - tasks: The tasks, at least one, with distinct names.
  ///   - text: Text preparation settings.
  ///   - features: Featurization settings.
  ///   - model: Model size.
  ///   - training: The training schedule.
  public init(
    tasks: [TaskSpecification], text: TextConfiguration = TextConfiguration(),
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

  /// Trains on examples held in memory: builds their datasets with a ``DatasetFactory`` of
  /// this trainer's settings, then trains on them.
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
    let datasets = DatasetFactory(settingsOf: self)
    let data = try datasets.makeTrainingData(examples)
    return try train(
      on: data, development: try datasets.makeDevelopmentSet(development, for: data),
      shouldStop: shouldStop, onEvent: onEvent)
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
  ///     built by ``DatasetFactory/makeTrainingSetBuilder(continuing:)`` with it.
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
    var run = try start(
      on: data, development: development, initialVectors: initialVectors, continuing: base,
      onEvent: onEvent)
    for epoch in 1...training.epochs {
      let parameters = epochParameters(epoch, of: run)
      let losses = try trainEpoch(
        epoch, of: &run, parameters: parameters, shouldStop: shouldStop, onEvent: onEvent)
      guard finishEpoch(epoch, losses: losses, parameters: parameters, of: &run, onEvent: onEvent)
      else { break }
    }
    return finish(run, onEvent: onEvent)
  }
}
