import Testing

@testable import MultiTaskText

/// The one shuffle every seeded order goes through: the epochs' documents and shards, the
/// held-out dev documents and head retraining. Models depend on its exact draws.
@Suite struct SplitMix64ShuffleTests {
  /// Fisher–Yates from the back as each caller wrote it before they shared one.
  static func naiveShuffle(_ values: [Int], seed: UInt64) -> [Int] {
    var values = values
    var generator = SplitMix64(seed: seed, stream: .sampling)
    for index in stride(from: values.count - 1, to: 0, by: -1) {
      values.swapAt(index, Int(generator.next() % UInt64(index + 1)))
    }
    return values
  }

  @Test(arguments: [0, 1, 2, 7, 100], [UInt64(1), 42])
  func drawsAsTheInlineLoopsDid(count: Int, seed: UInt64) {
    var values = Array(0..<count)
    var generator = SplitMix64(seed: seed, stream: .sampling)
    generator.shuffle(&values)
    #expect(values == Self.naiveShuffle(Array(0..<count), seed: seed))
    #expect(values.sorted() == Array(0..<count))
  }

  @Test func pinsTheOrderOfOneSeed() {
    var values = Array(0..<8)
    var generator = SplitMix64(seed: 42, stream: .sampling)
    generator.shuffle(&values)
    #expect(values == Self.golden)
  }

  @Test func drawsNothingForFewerThanTwoValues() {
    var generator = SplitMix64(seed: 3)
    var single = ["only"]
    generator.shuffle(&single)
    #expect(generator == SplitMix64(seed: 3))
  }

  /// The order seed 42 gives 0..<8 on the sampling stream, as the inline loops drew it.
  static let golden = [3, 7, 4, 6, 5, 1, 2, 0]
}
