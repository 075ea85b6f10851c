/// A trained multi-task classifier: one shared embedding-bag encoder and one linear softmax
/// head per task.
///
/// A document's features (its words, hashed word n-grams and optional character n-grams) pick
/// rows of ``embeddings``; their mean is the document vector that every head reads. Running the
/// encoder once serves all tasks. Use a ``Predictor`` to classify text.
public struct MultiTaskModel: Sendable, Equatable {
  /// The recipe and the tasks.
  public var manifest: ModelManifest {
    didSet { trees = Self.trees(of: manifest) }
  }
  /// The known words; word `i` is embedding row `i`, and hashed n-gram buckets follow.
  public var vocabulary: Vocabulary
  /// The shared embeddings: `vocabulary.count + buckets` rows of `dimension` floats.
  public var embeddings: EmbeddingTable
  /// One matrix per task: a row of `dimension` weights per label.
  public var heads: [Matrix]
  /// With a shared-private encoder, one table per task of `privateBuckets` rows whose mean
  /// is added to the shared document vector for that task only; empty otherwise.
  public var privateEmbeddings: [Matrix]
  /// For a quantized model, the codes ``embeddings`` were decoded from, which saving writes
  /// back in place of float rows; nil for a float model.
  public var quantizedEmbeddings: QuantizedEmbeddings?
  /// Each task's sparse linear path, nil for a task without one; empty when no task has
  /// one, as in every model trained with `model.linear: off`.
  public var linearPaths: [LinearPath?] = []
  /// Each task's Huffman tree when its head is hierarchical, nil otherwise: rebuilt from the
  /// manifest's label counts, exactly as training built it.
  private(set) var trees: [HuffmanTree?]

  /// Creates a model from its parts.
  ///
  /// - Precondition: the matrices' shapes agree with the manifest and vocabulary.
  public init(
    manifest: ModelManifest, vocabulary: Vocabulary, embeddings: Matrix, heads: [Matrix]
  ) {
    self.init(
      manifest: manifest, vocabulary: vocabulary, embeddings: EmbeddingTable(embeddings),
      heads: heads, privateEmbeddings: [])
  }

  /// Creates a model whose embeddings may be stored compactly.
  ///
  /// - Precondition: the shapes agree with the manifest and vocabulary.
  public init(
    manifest: ModelManifest, vocabulary: Vocabulary, embeddings: EmbeddingTable, heads: [Matrix],
    privateEmbeddings: [Matrix] = []
  ) {
    precondition(
      privateEmbeddings.isEmpty || privateEmbeddings.count == heads.count,
      "one private table per task, or none")
    for table in privateEmbeddings {
      precondition(table.columns == manifest.dimension, "private width is the dimension")
      precondition(table.rows == manifest.privateBuckets, "one private row per private bucket")
    }
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
    self.privateEmbeddings = privateEmbeddings
    trees = Self.trees(of: manifest)
  }

  /// The trees of the manifest's hierarchical heads. A manifest without counts (which no
  /// trainer writes for such a head) gets the tree of equal counts.
  static func trees(of manifest: ModelManifest) -> [HuffmanTree?] {
    manifest.tasks.map { task in
      guard task.loss == .hierarchical, !task.isMultiLabel else { return nil }
      let counts = task.labelCounts ?? []
      return HuffmanTree(
        counts: counts.count == task.labels.count
          ? counts : Array(repeating: 0, count: task.labels.count))
    }
  }
}
