/// The exact label probabilities of a hierarchical-softmax head.
extension HuffmanTree {
  /// Writes every label's probability into `probabilities`, walking the tree from the root.
  ///
  /// The sigmoids of all internal nodes are needed, so `scores` holds every node's score
  /// (row `n` of the head times the input, as a full-softmax head would compute them). Each
  /// node's path probability is its parent's times the sigmoid of the turn taken; nodes are
  /// made after their children, so walking node numbers downwards visits parents first.
  ///
  /// - Parameters:
  ///   - scores: `internalCount` floats, internal node `n`'s score at `n`.
  ///   - nodeProbabilities: `internalCount` floats of scratch.
  ///   - probabilities: `leafCount` floats, overwritten with probabilities that sum to 1.
  func probabilities(
    scores: UnsafePointer<Float>, nodeProbabilities: UnsafeMutablePointer<Float>,
    into probabilities: UnsafeMutableBufferPointer<Float>
  ) {
    guard leafCount > 1 else {
      if leafCount == 1 { probabilities[0] = 1 }
      return
    }
    // A child is a label or an internal node whose own children come later in the walk.
    @inline(__always) func assign(_ value: Float, to child: Int) {
      if child < leafCount {
        probabilities[child] = value
      } else {
        nodeProbabilities[child - leafCount] = value
      }
    }
    nodeProbabilities[root] = 1
    for node in stride(from: root, through: 0, by: -1) {
      let reached = nodeProbabilities[node]
      let goesRight = Sigmoid.value(scores[node])
      assign(reached * (1 - goesRight), to: Int(left[node]))
      assign(reached * goesRight, to: Int(right[node]))
    }
  }

  /// The probability of one label: the product of the turns along its path, `depth(of:)`
  /// node scores rather than all of them.
  ///
  /// - Parameters:
  ///   - label: The label.
  ///   - score: Internal node `n`'s score.
  @inline(__always)
  func probability(of label: Int, score: (Int) -> Float) -> Float {
    var product: Float = 1
    for index in pathStarts[label]..<pathStarts[label + 1] {
      let goesRight = Sigmoid.value(score(Int(pathNodes[index])))
      product *= pathRight[index] ? goesRight : 1 - goesRight
    }
    return product
  }
}
