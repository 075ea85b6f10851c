#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The backward step of a sampled-softmax head (fastText's negative sampling, `-loss ns`): a
/// binary logistic loss that pushes the true label's score up and the scores of a few
/// negatives, drawn by a ``NegativeSampler``, down.
///
/// Each step touches `1 + negatives` rows instead of every label's; the model still predicts
/// with the softmax of every label's score, so its probabilities are a full distribution.
/// Label row `i` moves by `rate × (target_i − σ(row_i · input)) × input`, and the input's
/// gradient collects the same coefficients times the old rows.
enum SampledSoftmax {
  /// The loss and update of one row, whose target is 1 for the true label and 0 for a
  /// negative; returns the binary logistic loss.
  @inline(__always)
  static func update(
    label: Int, target: Float, rate: Float, headRate: Float,
    head: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>, dimension: Int,
    inputGradient: UnsafeMutablePointer<Float>
  ) -> Float {
    let row = head + label * dimension
    let probability = Sigmoid.value(RowKernels.dot(row, input, count: dimension))
    let coefficient = rate * (target - probability)
    RowKernels.add(row, scale: coefficient, to: inputGradient, count: dimension)
    RowKernels.add(input, scale: coefficient * headRate, to: row, count: dimension)
    return -logf(max(target == 1 ? probability : 1 - probability, 1e-30))
  }

  /// The same with AdaGrad's per-row rate: the coefficient `c = weight × (target − σ)`
  /// adds `c² × inputMeanSquare` to `squares[label]` and the row moves by
  /// `learningRate × c × input / √squares[label]`.
  @inline(__always)
  static func adaptiveUpdate(
    label: Int, target: Float, weight: Float, learningRate: Float,
    head: UnsafeMutablePointer<Float>, squares: UnsafeMutablePointer<Float>,
    input: UnsafePointer<Float>, inputMeanSquare: Float, dimension: Int,
    inputGradient: UnsafeMutablePointer<Float>
  ) -> Float {
    let row = head + label * dimension
    let probability = Sigmoid.value(RowKernels.dot(row, input, count: dimension))
    let coefficient = weight * (target - probability)
    RowKernels.add(row, scale: coefficient, to: inputGradient, count: dimension)
    squares[label] += coefficient * coefficient * inputMeanSquare
    let rate = learningRate / squares[label].squareRoot()
    RowKernels.add(input, scale: rate * coefficient, to: row, count: dimension)
    return -logf(max(target == 1 ? probability : 1 - probability, 1e-30))
  }
}
