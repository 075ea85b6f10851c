/// Read access to a model's parameters for the forward pass, whoever holds them.
///
/// A trained ``MultiTaskModel`` keeps its embeddings in an ``EmbeddingTable`` and its heads in
/// matrices; the trainer keeps the same numbers in raw buffers that its workers update in
/// place. Both conform, and ``ForwardPass`` is written once against this protocol, so
/// training, dev scoring and prediction cannot drift apart. Each requirement is a thin
/// wrapper over ``RowKernels``; calls are specialized, so the protocol costs nothing at run
/// time.
protocol ForwardParameters {
  /// The width of every row.
  var dimension: Int { get }
  /// Rows in each task's private table; 0 without a shared-private encoder.
  var privateBuckets: Int { get }
  /// The number of labels of task `task`'s head.
  func labelCount(ofTask task: Int) -> Int
  /// Writes the mean of the embedding rows `ids` into `output`; zeros for no rows.
  func averageRows(_ ids: UnsafeBufferPointer<Int32>, into output: UnsafeMutablePointer<Float>)
  /// The private row of feature `id`, which ``addPrivateRow(_:ofTask:scale:to:)`` takes:
  /// ``PrivateRows/row(of:buckets:)`` unless the parameters keep some rows elsewhere (a
  /// training shard's overlay).
  func privateRow(ofFeature id: Int32) -> Int
  /// Adds `scale ×` row `row` of task `task`'s private table to `vector`.
  func addPrivateRow(
    _ row: Int, ofTask task: Int, scale: Float, to vector: UnsafeMutablePointer<Float>)
  /// Task `task`'s head: which ``Head`` scores (and trains) it.
  func head(ofTask task: Int) -> TaskHead
  /// The temperature task `task`'s softmax divides its scores by: 1 during training, and
  /// the calibrated value in a model fitted on dev data.
  func temperature(ofTask task: Int) -> Float
  /// The per-label biases task `task`'s softmax adds to its scores: nil during training, and
  /// a model's metric-fitted biases, if it has any.
  func biases(ofTask task: Int) -> [Float]?
  /// Writes task `task`'s score of every label for `input` into `scores`.
  func scoreLabels(
    ofTask task: Int, input: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>)
  /// Row `node` of task `task`'s head times `input`: one internal node's score of a
  /// hierarchical head, for searching the tree without scoring every node.
  func scoreNode(_ node: Int, ofTask task: Int, input: UnsafePointer<Float>) -> Float
}

extension ForwardParameters {
  /// No biases: what the trainer's and the retrainer's parameters score with.
  func biases(ofTask task: Int) -> [Float]? { nil }

  /// The feature's row of a table of ``privateBuckets`` rows.
  @inline(__always)
  func privateRow(ofFeature id: Int32) -> Int { PrivateRows.row(of: id, buckets: privateBuckets) }

  /// Task `task`'s Huffman tree when its head is a hierarchical softmax; nil otherwise.
  func tree(ofTask task: Int) -> HuffmanTree? { head(ofTask: task).tree }
}
