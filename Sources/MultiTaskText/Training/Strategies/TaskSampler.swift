/// Chooses which task the next training example comes from.
///
/// Task corpora usually share no documents and differ widely in size. Drawing in proportion
/// to size lets big tasks dominate; a temperature T > 1 flattens the odds towards small tasks
/// (probability ∝ size^(1/T)); uniform gives every task the same share; annealed moves from
/// proportional to nearly uniform over the epochs (α from 1 down to 0.2).
public struct TaskSampler: Sendable, Equatable {
  /// Each task's probability of being drawn.
  public let probabilities: [Double]
  private let cumulative: [Double]

  /// Computes the draw probabilities for tasks with `sizes` examples each, in epoch `epoch`
  /// (from 1) of `epochs`; only annealed sampling depends on the epoch.
  public init(sampling: TaskSampling, sizes: [Int], epoch: Int = 1, epochs: Int = 1) {
    let exponent = Self.exponent(sampling, epoch: epoch, epochs: epochs)
    let weights: [Double] = sizes.map { size in
      size > 0 ? pow(Double(size), exponent) : 0
    }
    let total = weights.reduce(0, +)
    probabilities = weights.map { total > 0 ? $0 / total : 0 }
    var running = 0.0
    cumulative = probabilities.map {
      running += $0
      return running
    }
  }

  /// The power of a task's size that its probability is proportional to.
  public static func exponent(_ sampling: TaskSampling, epoch: Int, epochs: Int) -> Double {
    switch sampling {
    case .proportional: return 1
    case .temperature(let temperature): return 1 / temperature
    case .uniform: return 0
    case .annealed:
      guard epochs > 1 else { return 1 }
      return 1 - 0.8 * Double(epoch - 1) / Double(epochs - 1)
    }
  }

  /// Draws a task index.
  public func next(using generator: inout some RandomNumberGenerator) -> Int {
    let draw = Double(generator.next() >> 11) / Double(1 << 53)
    for (task, limit) in cumulative.enumerated() where draw < limit { return task }
    return cumulative.lastIndex { $0 > 0 } ?? 0
  }
}

#if canImport(Glibc)
  import Glibc
#endif
