/// Everything one pipeline run needs to read, train and evaluate: the tasks and their corpora,
/// text preparation, featurization, model size and the training schedule.
///
/// Where results are written is not part of it: the library's ``Pipeline`` returns its results
/// and the caller decides where they go. Configuration files are read by the
/// `MultiTaskTextConfiguration` module, which adds the output settings. The value is
/// `Codable`, so a run can record the exact settings it used.
public struct PipelineConfiguration: Codable, Sendable, Equatable {
  /// The tasks trained together on the shared encoder, in file order; task ids follow it.
  public var tasks: [TaskConfiguration]
  /// How raw text is normalized and tokenized before featurization.
  public var text: TextConfiguration
  /// The size of the shared model.
  public var model: ModelConfiguration
  /// Which n-grams become features, and the vocabulary limits.
  public var features: FeatureConfiguration
  /// The optimization schedule and how tasks are interleaved.
  public var training: TrainingConfiguration

  /// Creates a configuration from its sections.
  ///
  /// - Parameters:
  ///   - tasks: The tasks, at least one, with distinct names.
  ///   - text: Text preparation settings; defaults to NFKC, case folding and ICU words.
  ///   - model: Model size; defaults to 50 dimensions.
  ///   - features: Featurization; defaults to fastText's supervised mode with bigrams.
  ///   - training: The schedule; defaults to 5 epochs at learning rate 0.5.
  public init(
    tasks: [TaskConfiguration],
    text: TextConfiguration = TextConfiguration(),
    model: ModelConfiguration = ModelConfiguration(),
    features: FeatureConfiguration = FeatureConfiguration(),
    training: TrainingConfiguration = TrainingConfiguration()
  ) {
    self.tasks = tasks
    self.text = text
    self.model = model
    self.features = features
    self.training = training
  }

  /// The task with the given name, if the configuration has one.
  ///
  /// - Parameter name: A task name as written in the configuration.
  /// - Returns: The task's settings, or `nil`.
  public func task(named name: String) -> TaskConfiguration? {
    tasks.first { $0.name == name }
  }

  /// A trainer with these settings.
  public var trainer: Trainer {
    Trainer(
      tasks: tasks.map(\.specification), text: text, features: features, model: model,
      training: training)
  }
}
