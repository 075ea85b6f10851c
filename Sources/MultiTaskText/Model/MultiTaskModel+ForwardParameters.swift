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

  func isMultiLabel(ofTask task: Int) -> Bool { manifest.tasks[task].type == .multiLabel }

  func temperature(ofTask task: Int) -> Float { manifest.tasks[task].temperature ?? 1 }

  func scoreLabels(
    ofTask task: Int, input: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>
  ) {
    heads[task].multiply(input, into: scores)
  }

  func tree(ofTask task: Int) -> HuffmanTree? { trees.isEmpty ? nil : trees[task] }

  func scoreNode(_ node: Int, ofTask task: Int, input: UnsafePointer<Float>) -> Float {
    heads[task].dotRow(node, input)
  }
}
