import Testing

@testable import MultiTaskText

struct TaskSamplerTests {
  static let sizes = [8000, 1000, 100]

  @Test(arguments: [TaskSampling.proportional, .temperature(2), .temperature(5), .uniform])
  func drawFrequenciesMatchTheFormula(_ sampling: TaskSampling) {
    let sampler = TaskSampler(sampling: sampling, sizes: Self.sizes)
    let weights: [Double] = Self.sizes.map { size in
      switch sampling {
      case .proportional: return Double(size)
      case .temperature(let temperature): return pow(Double(size), 1 / temperature)
      case .uniform: return 1
      case .annealed: return Double(size)  // epoch 1 of 1: proportional
      }
    }
    let expected = weights.map { $0 / weights.reduce(0, +) }
    for (probability, wanted) in zip(sampler.probabilities, expected) {
      #expect(abs(probability - wanted) < 1e-12)
    }
    var generator = SplitMix64(seed: 42, stream: .sampling)
    var counts = [0, 0, 0]
    let draws = 200_000
    for _ in 0..<draws { counts[sampler.next(using: &generator)] += 1 }
    for (count, wanted) in zip(counts, expected) {
      // Five standard deviations of a binomial proportion.
      let tolerance = 5 * (wanted * (1 - wanted) / Double(draws)).squareRoot()
      #expect(abs(Double(count) / Double(draws) - wanted) <= tolerance)
    }
  }

  /// Annealed sampling: α = 1 − 0.8 (e − 1)/(E − 1), from proportional to size^0.2.
  @Test(arguments: [(1, 5, 1.0), (3, 5, 0.6), (5, 5, 0.2), (1, 1, 1.0), (2, 3, 0.6)])
  func annealedSamplingMovesFromProportionalTowardsUniform(
    _ epoch: Int, _ epochs: Int, _ exponent: Double
  ) {
    #expect(abs(TaskSampler.exponent(.annealed, epoch: epoch, epochs: epochs) - exponent) < 1e-12)
    let sampler = TaskSampler(sampling: .annealed, sizes: Self.sizes, epoch: epoch, epochs: epochs)
    let weights = Self.sizes.map { pow(Double($0), exponent) }
    for (probability, weight) in zip(sampler.probabilities, weights) {
      #expect(abs(probability - weight / weights.reduce(0, +)) < 1e-12)
    }
  }

  @Test func anEmptyTaskIsNeverDrawn() {
    let sampler = TaskSampler(sampling: .uniform, sizes: [10, 0, 5])
    var generator = SplitMix64(seed: 1, stream: .sampling)
    for _ in 0..<10_000 { #expect(sampler.next(using: &generator) != 1) }
  }

  @Test func theSameSeedDrawsTheSameSequence() {
    let sampler = TaskSampler(sampling: .temperature(2), sizes: Self.sizes)
    var first = SplitMix64(seed: 9, stream: .sampling)
    var second = SplitMix64(seed: 9, stream: .sampling)
    let a = (0..<100).map { _ in sampler.next(using: &first) }
    let b = (0..<100).map { _ in sampler.next(using: &second) }
    #expect(a == b)
  }
}

#if canImport(Glibc)
  import Glibc
#endif
