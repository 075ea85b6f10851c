#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The logistic function, which turns a multi-label head's scores into one independent
/// probability per label (where ``Softmax`` makes them compete and sum to 1).
enum Sigmoid {
  /// Turns scores into probabilities in place, label by label.
  @inline(__always)
  static func apply(_ scores: inout UnsafeMutableBufferPointer<Float>) {
    for index in scores.indices {
      scores[index] = value(scores[index])
    }
  }

  /// σ(`score`): `1 / (1 + e^−s)` for non-negative scores and `e^s / (1 + e^s)` for
  /// negative ones, so that the exponential never overflows.
  @inline(__always)
  static func value(_ score: Float) -> Float {
    if score >= 0 { return 1 / (1 + expf(-score)) }
    let exponential = expf(score)
    return exponential / (1 + exponential)
  }
}
