#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The loss and backward step of a hierarchical-softmax head (Morin and Bengio, 2005; fastText's
/// `-loss hs`): the cross-entropy of the true label's probability, which is a product of one
/// sigmoid per node of its path in the task's ``HuffmanTree``.
///
/// `−log p(label)` is then a sum of binary logistic losses, one per node, each with the turn
/// the path takes as its target. Node `n`'s row moves by `rate × (turn − σ(row · input)) ×
/// input`, and the input's gradient collects the same coefficients times the old rows: the
/// softmax step of ``SoftmaxCrossEntropy`` with the path's few nodes in place of every label.
enum HierarchicalSoftmax {
  /// One SGD step along `target`'s path; returns the step's loss, `−log p(target)`.
  ///
  /// - Parameters:
  ///   - tree: The task's tree.
  ///   - target: The correct label.
  ///   - rate: The learning rate times the example's weight.
  ///   - headRate: The head's own learning-rate multiplier.
  ///   - head: The head's rows, internal node `n` at row `n`, updated in place.
  ///   - input: The head's input, `dimension` floats.
  ///   - dimension: The row width.
  ///   - inputGradient: `dimension` floats, accumulated into.
  @inline(__always)
  static func step(
    tree: HuffmanTree, target: Int, rate: Float, headRate: Float,
    head: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>, dimension: Int,
    inputGradient: UnsafeMutablePointer<Float>
  ) -> Float {
    var loss: Float = 0
    for index in tree.pathStarts[target]..<tree.pathStarts[target + 1] {
      let row = head + Int(tree.pathNodes[index]) * dimension
      let turn: Float = tree.pathRight[index] ? 1 : 0
      let probability = Sigmoid.value(RowKernels.dot(row, input, count: dimension))
      loss -= logf(max(turn == 1 ? probability : 1 - probability, 1e-30))
      let coefficient = rate * (turn - probability)
      RowKernels.add(row, scale: coefficient, to: inputGradient, count: dimension)
      RowKernels.add(input, scale: coefficient * headRate, to: row, count: dimension)
    }
    return loss
  }

  /// The same step with AdaGrad's per-row rates, as in
  /// `SoftmaxCrossEntropy.adaptiveStep`: node `n`'s coefficient `c = weight × (turn − σ)`
  /// adds `c² × mean(input²)` to `squares[n]`, and the row moves by
  /// `learningRate × c × input / √squares[n]`. `inputGradient` collects `Σ c × old row`,
  /// without any rate.
  @inline(__always)
  static func adaptiveStep(
    tree: HuffmanTree, target: Int, weight: Float, learningRate: Float,
    head: UnsafeMutablePointer<Float>, squares: UnsafeMutablePointer<Float>,
    input: UnsafePointer<Float>, dimension: Int, inputGradient: UnsafeMutablePointer<Float>
  ) -> Float {
    let inputMeanSquare = RowKernels.dot(input, input, count: dimension) / Float(dimension)
    var loss: Float = 0
    for index in tree.pathStarts[target]..<tree.pathStarts[target + 1] {
      let node = Int(tree.pathNodes[index])
      let row = head + node * dimension
      let turn: Float = tree.pathRight[index] ? 1 : 0
      let probability = Sigmoid.value(RowKernels.dot(row, input, count: dimension))
      loss -= logf(max(turn == 1 ? probability : 1 - probability, 1e-30))
      let coefficient = weight * (turn - probability)
      RowKernels.add(row, scale: coefficient, to: inputGradient, count: dimension)
      squares[node] += coefficient * coefficient * inputMeanSquare
      let rate = learningRate / squares[node].squareRoot()
      RowKernels.add(input, scale: rate * coefficient, to: row, count: dimension)
    }
    return loss
  }
}
