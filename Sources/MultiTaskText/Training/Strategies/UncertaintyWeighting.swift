#if canImport(Glibc)
  import Glibc
#endif

/// Uncertainty weighting (Kendall, Gal & Cipolla, CVPR 2018): each task has a learned log
/// variance `s`, and its loss counts `exp(−s) · L + s / 2`, so noisy tasks are down-weighted.
///
/// The log variances live in ``SharedParameters/logVariances`` because every worker updates
/// them in place, like the other parameters; they start at 0, a weight of 1.
struct UncertaintyWeighting: LossWeightingStrategy {
  /// The learning rate of the log variances, relative to the main rate.
  static let rate: Float = 0.01

  init(taskCount: Int) {}

  /// `exp(−s)` for the task.
  @inline(__always)
  static func stepFactor(task: Int, parameters: SharedParameters) -> Float {
    guard let logVariances = parameters.logVariances else { return 1 }
    return exp(-logVariances[task])
  }

  /// One SGD step on `s`: the derivative of `exp(−s)·L + s/2` is `1/2 − exp(−s)·L`.
  @inline(__always)
  static func finishStep(
    task: Int, loss: Float, factor: Float, learningRate: Float, parameters: SharedParameters
  ) {
    guard let logVariances = parameters.logVariances else { return }
    let derivative = 0.5 - factor * loss
    logVariances[task] -= learningRate * rate * derivative
  }
}
