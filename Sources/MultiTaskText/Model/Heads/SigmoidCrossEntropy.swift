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
/// in place of the softmax and any number of targets. So a step is ``SoftmaxCrossEntropy``'s,
/// with ``SortedTargets`` as `y`, and the labels do not compete: a comment can be `joy` and
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
    var positives = SortedTargets(column: targets)
    for label in probabilities.indices {
      let probability =
        positives.includes(label) ? probabilities[label] : 1 - probabilities[label]
      total -= logf(max(probability, smallestProbability))
    }
    return total
  }
}
