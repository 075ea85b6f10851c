import Testing

@testable import MultiTaskText

/// `mtl compare`'s paired test: McNemar's exact p-value, and a bootstrap interval that
/// brackets the observed difference and repeats for a seed.
struct PairedDifferenceTests {
  @Test func exactMcNemarMatchesTheBinomialTail() {
    // 2 · (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 158 / 4096.
    #expect(abs(PairedDifference.exactMcNemar(10, 2) - 158.0 / 4096.0) < 1e-12)
    #expect(PairedDifference.exactMcNemar(5, 5) == 1)
    #expect(PairedDifference.exactMcNemar(0, 0) == 1)
    // Thousands of discordant documents neither underflow nor exceed 1.
    let large = PairedDifference.exactMcNemar(1_000, 1_100)
    #expect(large > 0.01 && large < 0.05)
  }

  @Test func oneDocumentInFiveHundredIsNotNegativeTransfer() throws {
    let single = Array(repeating: true, count: 500)
    var multi = single
    multi[17] = false
    let paired = try #require(PairedDifference(single: single, multi: multi, seed: 1))
    #expect(paired.singleOnlyCorrect == 1)
    #expect(paired.multiOnlyCorrect == 0)
    #expect(paired.pValue == 1)
    #expect(!paired.isSignificantLoss)
  }

  @Test func aLargeLossIsSignificantAndTheIntervalBracketsIt() throws {
    var generator = SplitMix64(seed: 3)
    let single = (0..<2_000).map { _ in generator.next() % 10 < 8 }
    // The multi-task model loses 60 of the single model's right answers.
    var multi = single
    var lost = 0
    for index in multi.indices where multi[index] && lost < 60 {
      multi[index] = false
      lost += 1
    }
    let paired = try #require(PairedDifference(single: single, multi: multi, seed: 7))
    let observed = -60.0 / 2_000
    #expect(paired.isSignificantLoss)
    #expect(paired.lower <= observed && observed <= paired.upper)
    #expect(paired.upper < 0)
    #expect(PairedDifference(single: single, multi: multi, seed: 7) == paired)
    #expect(PairedDifference(single: single, multi: Array(multi.dropLast()), seed: 7) == nil)
  }
}
