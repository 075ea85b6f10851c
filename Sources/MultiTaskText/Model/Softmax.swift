#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The softmax that turns a head's scores into probabilities.
///
/// It belongs to the model, not to training: prediction, dev scoring and the training step all
/// call it through ``ForwardPass``, so a probability means the same everywhere.
enum Softmax {
  /// Replaces scores with their softmax probabilities, which are positive and sum to 1.
  ///
  /// The largest score is subtracted before exponentiating, so large scores cannot overflow;
  /// the result is unchanged because softmax ignores a common shift. Works in place on a
  /// scratch buffer, so the hot loop allocates nothing.
  static func apply<Scores: MutableCollection & RandomAccessCollection>(
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

  /// The index of the largest probability; ties go to the first, so label order decides.
  static func mostProbable(_ probabilities: UnsafeBufferPointer<Float>) -> Int {
    guard !probabilities.isEmpty else { return 0 }
    var best = 0
    for index in probabilities.indices where probabilities[index] > probabilities[best] {
      best = index
    }
    return best
  }
}
