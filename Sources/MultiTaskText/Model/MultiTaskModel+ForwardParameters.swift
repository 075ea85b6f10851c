/// A trained model runs the forward pass on its embedding table and head matrices.
extension MultiTaskModel: ForwardParameters {
  var dimension: Int { manifest.dimension }

  var privateBuckets: Int { privateEmbeddings.isEmpty ? 0 : manifest.privateBuckets }

  func labelCount(ofTask task: Int) -> Int { heads[task].rows }

  func averageRows(
    _ ids: UnsafeBufferPointer<Int32>, into output: UnsafeMutablePointer<Float>
  ) {
    embeddings.averageRows(ids, into: output)
  }

  func addPrivateRow(
    _ row: Int, ofTask task: Int, scale: Float, to vector: UnsafeMutablePointer<Float>
  ) {
    privateEmbeddings[task].addRowToVector(row, vector, scale: scale)
  }

  /// A tree's head where the manifest rebuilt a tree, one sigmoid per label for a
  /// multi-label task, and the softmax otherwise: a sampled-softmax head predicts with the
  /// full softmax, so a trained model needs no sampler.
  func head(ofTask task: Int) -> TaskHead {
    if !trees.isEmpty, let tree = trees[task] { return .hierarchical(HierarchicalHead(tree: tree)) }
    return manifest.tasks[task].type == .multiLabel
      ? .oneVersusAll(OneVersusAllHead()) : .softmax(SoftmaxHead())
  }

  func temperature(ofTask task: Int) -> Float { manifest.tasks[task].temperature ?? 1 }

  func biases(ofTask task: Int) -> [Float]? { manifest.tasks[task].biases }

  func scoreLabels(
    ofTask task: Int, input: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>
  ) {
    heads[task].multiply(input, into: scores)
  }

  func scoreNode(_ node: Int, ofTask task: Int, input: UnsafePointer<Float>) -> Float {
    heads[task].dotRow(node, input)
  }
}
