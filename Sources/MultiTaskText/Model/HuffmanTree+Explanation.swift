/// What an explanation of a hierarchical head measures.
///
/// A tree label's log probability is not linear in the document vector, but each turn's log
/// odds is: going right at node `n` against going left is `log σ(s) − log σ(−s) = s = w(n) · x`.
/// An explanation of label `c` therefore splits the sum of the log odds of the turns on `c`'s
/// path, `Σ ±w(n) · x`; against the runner-up `r`, it splits that sum minus `r`'s. Nodes above
/// the two labels' last common ancestor cancel, so what remains is the decisive split and the
/// turns below it, and the contributions add up to it exactly, as for a softmax head.
extension HuffmanTree {
  /// The head rows whose weighted sum is the explained direction: `+1` or `−1` per node on
  /// `label`'s path (right or left), minus the same for `rival`'s.
  func explainedRows(of label: Int, against rival: Int?) -> [(row: Int, weight: Double)] {
    var weights: [Int: Double] = [:]
    func add(_ leaf: Int, sign: Double) {
      for index in pathStarts[leaf]..<pathStarts[leaf + 1] {
        weights[Int(pathNodes[index]), default: 0] += sign * (pathRight[index] ? 1 : -1)
      }
    }
    add(label, sign: 1)
    if let rival { add(rival, sign: -1) }
    return weights.filter { $0.value != 0 }.map { (row: $0.key, weight: $0.value) }
      .sorted { $0.row < $1.row }
  }

  /// Every label's probability given every node's score, in a new array.
  func probabilities(ofScores scores: [Float]) -> [Float] {
    var probabilities = [Float](repeating: 0, count: leafCount)
    var nodes = [Float](repeating: 0, count: max(1, internalCount))
    scores.withUnsafeBufferPointer { scores in
      nodes.withUnsafeMutableBufferPointer { nodes in
        probabilities.withUnsafeMutableBufferPointer { output in
          guard let scores = scores.baseAddress, let nodes = nodes.baseAddress else { return }
          self.probabilities(scores: scores, nodeProbabilities: nodes, into: output)
        }
      }
    }
    return probabilities
  }
}
