/// Dynamic weight average (Liu, Johns & Davison, CVPR 2019): each epoch, tasks whose loss
/// fell slowly over the last two epochs get more weight.
///
/// `λ_k = K · exp(r_k / T) / Σ_i exp(r_i / T)` with `r_k = L_k(e−1) / L_k(e−2)`, the ratio
/// of the task's average losses in the two previous epochs, and temperature `T`. The first
/// two epochs, which have no ratio yet, weigh every task 1. The weights sum to `K`, so the
/// overall step size does not change.
struct DynamicWeightAverage: Sendable, Equatable {
  /// The softmax temperature; the paper's 2.
  static let temperature = 2.0
  private var previous: [Double?] = []
  private var beforePrevious: [Double?] = []

  /// Records an epoch's average losses.
  mutating func record(_ losses: [Double?]) {
    beforePrevious = previous
    previous = losses
  }

  /// The weights for the next epoch, one per task of `taskCount`.
  func weights(taskCount: Int) -> [Float] {
    guard previous.count == taskCount, beforePrevious.count == taskCount else {
      return Array(repeating: 1, count: taskCount)
    }
    let ratios = (0..<taskCount).map { task -> Double in
      guard let last = previous[task], let before = beforePrevious[task], before > 0 else {
        return 1
      }
      return last / before
    }
    let exponentials = ratios.map { exp($0 / Self.temperature) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { Float(Double(taskCount) * $0 / total) }
  }
}

#if canImport(Glibc)
  import Glibc
#endif

/// Dynamic weight average acts once per epoch, through the task multipliers; its steps are
/// those of fixed weighting.
struct DynamicWeighting: LossWeightingStrategy {
  private let taskCount: Int
  private var average = DynamicWeightAverage()

  init(taskCount: Int) { self.taskCount = taskCount }

  func epochMultipliers() -> [Float]? { average.weights(taskCount: taskCount) }

  mutating func record(epochLosses: [Double?]) { average.record(epochLosses) }
}
