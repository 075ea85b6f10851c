/// Chooses which task the next training example comes from.
///
/// Task corpora usually share no documents and differ widely in size. Drawing in proportion
/// to size lets big tasks dominate; a temperature T > 1 flattens the odds towards small tasks
/// (probability ∝ size^(1/T)); uniform gives every task the same share.
public struct TaskSampler: Sendable, Equatable {
  /// Each task's probability of being drawn.
  public let probabilities: [Double]
  private let cumulative: [Double]

  /// Computes the draw probabilities for tasks with `sizes` examples each.
  public init(sampling: TaskSampling, sizes: [Int]) {
    let weights: [Double] = sizes.map { size in
      guard size > 0 else { return 0 }
      switch sampling {
      case .proportional: return Double(size)
      case .temperature(let temperature): return pow(Double(size), 1 / temperature)
      case .uniform: return 1
      }
    }
    let total = weights.reduce(0, +)
    probabilities = weights.map { total > 0 ? $0 / total : 0 }
    var running = 0.0
    cumulative = probabilities.map {
      running += $0
      return running
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
