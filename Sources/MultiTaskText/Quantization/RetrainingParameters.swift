/// A quantized model's parameters with its heads in buffers that ``HeadRetrainer`` moves, so
/// that the forward pass and each ``Head``'s step run on them exactly as in training.
///
/// The embeddings and private rows are the model's, which stay fixed; the heads are the
/// retrainer's copies. The temperature is 1, as during training: the calibrated temperature
/// the model keeps divides the refitted scores at prediction as it divided the trained ones.
struct RetrainingParameters: ForwardParameters {
  /// The model whose embeddings (and private rows) the documents' vectors come from.
  let model: MultiTaskModel
  /// Per task: the head's rows, `labelCount(ofTask:) × dimension` floats, updated in place.
  let heads: [UnsafeMutablePointer<Float>]

  var dimension: Int { model.dimension }

  var privateBuckets: Int { model.privateBuckets }

  func labelCount(ofTask task: Int) -> Int { model.labelCount(ofTask: task) }

  func averageRows(
    _ ids: UnsafeBufferPointer<Int32>, into output: UnsafeMutablePointer<Float>
  ) {
    model.averageRows(ids, into: output)
  }

  func addPrivateRow(
    _ row: Int, ofTask task: Int, scale: Float, to vector: UnsafeMutablePointer<Float>
  ) {
    model.addPrivateRow(row, ofTask: task, scale: scale, to: vector)
  }

  /// The model's own head for the task: a softmax, one sigmoid per label, or the tree.
  func head(ofTask task: Int) -> TaskHead { model.head(ofTask: task) }

  func temperature(ofTask task: Int) -> Float { 1 }

  func scoreLabels(
    ofTask task: Int, input: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>
  ) {
    RowKernels.multiply(
      rows: heads[task], rowCount: labelCount(ofTask: task), columns: dimension, by: input,
      into: scores)
  }

  func scoreNode(_ node: Int, ofTask task: Int, input: UnsafePointer<Float>) -> Float {
    RowKernels.dot(heads[task] + node * dimension, input, count: dimension)
  }
}
