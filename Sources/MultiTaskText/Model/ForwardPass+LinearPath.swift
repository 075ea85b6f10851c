/// The forward pass's last step for a task with a sparse linear path.
extension ForwardPass {
  /// Adds task's linear path to the head's `probabilities` of a document: the path scores
  /// the document's features and ``LinearPath/combine(scores:alpha:into:)`` mixes them in.
  ///
  /// - Parameters:
  ///   - path: The task's path.
  ///   - features: The document's feature ids (embedding rows).
  ///   - buffers: Reused storage for the weighting.
  ///   - scores: At least `path.labels` floats of scratch.
  ///   - probabilities: The head's distribution, replaced by the combined one.
  static func addLinearPath(
    _ path: LinearPath, features: UnsafeBufferPointer<Int32>, buffers: inout TermBuffers,
    scores: UnsafeMutableBufferPointer<Float>, into probabilities: UnsafeMutableBufferPointer<Float>
  ) {
    path.scores(of: features, buffers: &buffers, into: scores)
    LinearPath.combine(scores: UnsafeBufferPointer(scores), alpha: path.alpha, into: probabilities)
  }
}
