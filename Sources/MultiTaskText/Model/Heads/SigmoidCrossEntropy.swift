#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one-vs-all loss of a multi-label head: each label is its own logistic regression on
/// the shared document vector, with binary cross-entropy summed over the labels.
///
/// For label `l` with score `s_l = w_l · x`, probability `p_l = σ(s_l)` and target
/// `y_l ∈ {0, 1}`, the loss is `−y_l log p_l − (1 − y_l) log(1 − p_l)` and its gradient with
/// respect to `s_l` is `p_l − y_l`: the same form as softmax cross-entropy, with the sigmoid
/// in place of the softmax and any number of targets. So the steps below mirror
/// ``SoftmaxCrossEntropy``'s, and the labels do not compete: a comment can be `joy` and
/// `love` at once, or neither. This is fastText's `-loss ova`.
enum SigmoidCrossEntropy {
  /// The smallest probability a logarithm is taken of, as in ``SoftmaxCrossEntropy``.
  static let smallestProbability = Float.leastNormalMagnitude

  /// The loss summed over the labels; `targets` are the positive labels, sorted.
  @inline(__always)
  static func loss(
    probabilities: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Int32>
  ) -> Float {
    var total: Float = 0
    var next = 0
    for label in probabilities.indices {
      let positive = next < targets.count && Int(targets[next]) == label
      if positive { next += 1 }
      let probability = positive ? probabilities[label] : 1 - probabilities[label]
      total -= logf(max(probability, smallestProbability))
    }
    return total
  }

  /// One plain SGD step: like ``SoftmaxCrossEntropy/step(probabilities:target:rate:headRate:head:input:dimension:inputGradient:)``
  /// with `y_l − p_l` for every label, `y_l` being 1 for the labels in `targets`.
  @inline(__always)
  static func step(
    probabilities: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Int32>, rate: Float,
    headRate: Float, head: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>,
    dimension: Int, inputGradient: UnsafeMutablePointer<Float>
  ) {
    var next = 0
    for label in probabilities.indices {
      let positive = next < targets.count && Int(targets[next]) == label
      if positive { next += 1 }
      let coefficient = rate * ((positive ? 1 : 0) - probabilities[label])
      let row = head + label * dimension
      RowKernels.add(row, scale: coefficient, to: inputGradient, count: dimension)
      RowKernels.add(input, scale: coefficient * headRate, to: row, count: dimension)
    }
  }

  /// One AdaGrad step, like ``SoftmaxCrossEntropy``'s `adaptiveStep`: each label row keeps
  /// its own accumulator in `squares`.
  @inline(__always)
  static func adaptiveStep(
    probabilities: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Int32>,
    weight: Float, learningRate: Float, head: UnsafeMutablePointer<Float>,
    squares: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>, dimension: Int,
    inputGradient: UnsafeMutablePointer<Float>
  ) {
    let inputMeanSquare = RowKernels.dot(input, input, count: dimension) / Float(dimension)
    var next = 0
    for label in probabilities.indices {
      let positive = next < targets.count && Int(targets[next]) == label
      if positive { next += 1 }
      let coefficient = weight * ((positive ? 1 : 0) - probabilities[label])
      let row = head + label * dimension
      RowKernels.add(row, scale: coefficient, to: inputGradient, count: dimension)
      squares[label] += coefficient * coefficient * inputMeanSquare
      let rate = learningRate / squares[label].squareRoot()
      RowKernels.add(input, scale: rate * coefficient, to: row, count: dimension)
    }
  }
}
