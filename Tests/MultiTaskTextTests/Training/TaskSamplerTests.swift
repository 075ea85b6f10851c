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
