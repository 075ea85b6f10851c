/// A trained multi-task classifier: one shared embedding-bag encoder and one linear softmax
/// head per task.
///
/// A document's features (its words, hashed word n-grams and optional character n-grams) pick
/// rows of ``embeddings``; their mean is the document vector that every head reads. Running the
/// encoder once serves all tasks. Use a ``Predictor`` to classify text.
public struct MultiTaskModel: Sendable, Equatable {
  /// The recipe and the tasks.
  public var manifest: ModelManifest
  /// The known words; word `i` is embedding row `i`, and hashed n-gram buckets follow.
  public var vocabulary: Vocabulary
  /// The shared embeddings: `vocabulary.count + buckets` rows of `dimension` floats.
  public var embeddings: EmbeddingTable
  /// One matrix per task: a row of `dimension` weights per label.
  public var heads: [Matrix]

  /// Creates a model from its parts.
  ///
  /// - Precondition: the matrices' shapes agree with the manifest and vocabulary.
  public init(
    manifest: ModelManifest, vocabulary: Vocabulary, embeddings: Matrix, heads: [Matrix]
  ) {
    self.init(
      manifest: manifest, vocabulary: vocabulary, embeddings: EmbeddingTable(embeddings),
      heads: heads)
  }

  /// Creates a model whose embeddings may be stored compactly.
  ///
  /// - Precondition: the shapes agree with the manifest and vocabulary.
  public init(
    manifest: ModelManifest, vocabulary: Vocabulary, embeddings: EmbeddingTable, heads: [Matrix]
  ) {
    precondition(embeddings.columns == manifest.dimension, "embedding width is the dimension")
    precondition(
      embeddings.rows == vocabulary.count + manifest.features.buckets,
      "one embedding row per word and per bucket")
    precondition(heads.count == manifest.tasks.count, "one head per task")
    for (head, task) in zip(heads, manifest.tasks) {
      precondition(head.rows == task.labels.count, "one head row per label")
      precondition(head.columns == manifest.dimension, "head width is the dimension")
    }
    self.manifest = manifest
    self.vocabulary = vocabulary
    self.embeddings = embeddings
    self.heads = heads
  }

  /// The featurizer that turns this model's tokens into embedding rows.
  public func makeFeaturizer() throws(FeatureConfigurationError) -> Featurizer {
    try Featurizer(configuration: manifest.features, vocabularySize: vocabulary.count)
  }
}
