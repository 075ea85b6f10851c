/// The loss and backward step of a hierarchical-softmax head (Morin and Bengio, 2005; fastText's
/// `-loss hs`): the cross-entropy of the true label's probability, which is a product of one
/// sigmoid per node of its path in the task's ``HuffmanTree``.
///
/// `−log p(label)` is then a sum of binary logistic losses, one per node, each with the turn
/// the path takes as its target. Node `n`'s row moves by `rate × (turn − σ(row · input)) ×
/// input`, and the input's gradient collects the same coefficients times the old rows: the
/// softmax step of ``SoftmaxCrossEntropy`` with the path's few nodes in place of every label,
/// and the step of ``SampledSoftmax`` with the nodes in place of the sampled labels.
enum HierarchicalSoftmax {
  /// One step along `target`'s path, plain SGD or AdaGrad as `update` says; returns the
  /// step's loss, `−log p(target)`.
  ///
  /// - Parameters:
  ///   - tree: The task's tree.
  ///   - target: The correct label.
  ///   - update: The head's rows (internal node `n` at row `n`), rates and buffers.
  @inline(__always)
  static func step(tree: HuffmanTree, target: Int, update: HeadUpdate) -> Float {
    let start = tree.pathStarts[target]
    return SampledSoftmax.steps(count: tree.pathStarts[target + 1] - start, update: update) {
      (label: Int(tree.pathNodes[start + $0]), target: tree.pathRight[start + $0] ? 1 : 0)
    }
  }
}
