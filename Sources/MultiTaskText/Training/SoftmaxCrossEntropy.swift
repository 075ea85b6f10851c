#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The loss of one task head: a softmax over the head's scores, then the cross-entropy of
/// the target label.
///
/// The gradient of the loss with respect to score `i` is `p[i] - (i == target ? 1 : 0)`,
/// which is why the functions work in place on a scratch buffer: scores become
/// probabilities, then probabilities become the gradient, with no allocation. A task whose
/// label is missing for an example is not passed here at all; it contributes nothing rather
/// than pushing every label down.
public enum SoftmaxCrossEntropy {
  /// The smallest probability the loss takes the logarithm of, so a certain mistake costs
  /// about 87 instead of infinity.
  public static let smallestProbability = Float.leastNormalMagnitude

  /// Replaces scores with their softmax probabilities, which are positive and sum to 1.
  ///
  /// The largest score is subtracted before exponentiating, so large scores cannot
  /// overflow; the result is unchanged because softmax ignores a common shift.
  public static func softmax<Scores: MutableCollection & RandomAccessCollection>(
    _ scores: inout Scores
  ) where Scores.Element == Float {
    guard let largest = scores.max() else { return }
    var total: Float = 0
    for index in scores.indices {
      let exponential = expf(scores[index] - largest)
      scores[index] = exponential
      total += exponential
    }
    let inverse = 1 / total
    for index in scores.indices { scores[index] *= inverse }
  }

  /// Returns `-log p[target]`, the cross-entropy of the target against the probabilities.
  public static func loss<Probabilities: RandomAccessCollection>(
    probabilities: Probabilities, target: LabelID
  ) -> Float where Probabilities.Element == Float {
    let probability = probabilities[offset(target, in: probabilities)]
    return -logf(max(probability, smallestProbability))
  }

  /// Turns probabilities into the weighted gradient of the loss with respect to the scores,
  /// `weight × (p - onehot(target))`.
  ///
  /// - Parameters:
  ///   - values: The softmax probabilities on entry; the gradient on return.
  ///   - target: The correct label.
  ///   - weight: The example's or task's weight; `1` for the plain gradient.
  public static func convertToGradient<Values: MutableCollection & RandomAccessCollection>(
    _ values: inout Values, target: LabelID, weight: Float = 1
  ) where Values.Element == Float {
    let targetIndex = offset(target, in: values)
    values[targetIndex] -= 1
    if weight != 1 {
      for index in values.indices { values[index] *= weight }
    }
  }

  /// Runs the whole step in place: scores in, weighted gradient out; returns the loss.
  ///
  /// The returned loss is not weighted, so it stays comparable across tasks; only the
  /// gradient is scaled by `weight`.
  public static func lossAndGradient<Scores: MutableCollection & RandomAccessCollection>(
    _ scores: inout Scores, target: LabelID, weight: Float = 1
  ) -> Float where Scores.Element == Float {
    softmax(&scores)
    let loss = loss(probabilities: scores, target: target)
    convertToGradient(&scores, target: target, weight: weight)
    return loss
  }

  static func offset<Values: RandomAccessCollection>(
    _ target: LabelID, in values: Values
  ) -> Values.Index {
    precondition(
      target.rawValue >= 0 && Int(target.rawValue) < values.count,
      "label \(target.rawValue) is outside the head's \(values.count) scores")
    return values.index(values.startIndex, offsetBy: Int(target.rawValue))
  }
}
