/// Featurized training examples with the vocabulary and label sets they were encoded with:
/// everything the trainer needs to start its epochs.
///
/// Built by ``DatasetFactory/makeTrainingData(_:)`` from any sequence of examples, or by the pipeline
/// from corpus files. Keeping it separate from training lets a caller inspect the corpus
/// (documents, tokens, labels) before spending time on epochs.
public struct TrainingData: Sendable {
  /// The known words, cut to the feature settings' limits.
  public var vocabulary: Vocabulary
  /// Each task's labels, in ``TaskSpecification`` order.
  public var labelSets: [LabelSet]
  /// The featurized documents and their labels.
  public var set: TrainingSet
  /// The feature settings the documents were featurized with, automatic choices resolved.
  public var features: FeatureConfiguration

  /// Bundles the three parts.
  ///
  /// - Parameters:
  ///   - vocabulary: The vocabulary the features were built with.
  ///   - labelSets: One label set per task.
  ///   - set: The featurized documents.
  ///   - features: The feature settings they were featurized with.
  public init(
    vocabulary: Vocabulary, labelSets: [LabelSet], set: TrainingSet,
    features: FeatureConfiguration
  ) {
    self.vocabulary = vocabulary
    self.labelSets = labelSets
    self.set = set
    self.features = features
  }
}
