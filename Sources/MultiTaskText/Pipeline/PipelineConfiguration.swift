/// Everything one training run needs: the tasks and their corpora, text preparation,
/// featurization, model size, training schedule and where results go.
///
/// A configuration file (YAML or JSON) is read by ``load(path:overrides:)``, which checks
/// every key and value and names the offending key path in its errors. The value is also
/// `Codable`, so a model file's manifest can record the exact run that produced it; that
/// plain encoding is separate from the strict, forgiving-with-defaults file loader.
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
  /// Where the model, vocabulary and reports are written.
  public var output: OutputConfiguration

  /// Creates a configuration from its sections.
  ///
  /// - Parameters:
  ///   - tasks: The tasks, at least one, with distinct names.
  ///   - text: Text preparation settings; defaults to NFKC, case folding and ICU words.
  ///   - model: Model size; defaults to 50 dimensions.
  ///   - features: Featurization; defaults to fastText's supervised mode with bigrams.
  ///   - training: The schedule; defaults to 5 epochs at learning rate 0.5.
  ///   - output: Where results go.
  public init(
    tasks: [TaskConfiguration],
    text: TextConfiguration = TextConfiguration(),
    model: ModelConfiguration = ModelConfiguration(),
    features: FeatureConfiguration = FeatureConfiguration(),
    training: TrainingConfiguration = TrainingConfiguration(),
    output: OutputConfiguration
  ) {
    self.tasks = tasks
    self.text = text
    self.model = model
    self.features = features
    self.training = training
    self.output = output
  }

  /// The task with the given name, if the configuration has one.
  ///
  /// - Parameter name: A task name as written in the configuration.
  /// - Returns: The task's settings, or `nil`.
  public func task(named name: String) -> TaskConfiguration? {
    tasks.first { $0.name == name }
  }
}
