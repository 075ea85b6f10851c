import Testing

@testable import MultiTaskText

@Suite struct SplitMix64Tests {
  // Reference outputs of SplitMix64; seed 1234567 matches the published test vector
  // 6457827717110365317, 3203168211198807973, ...
  static let golden: [(UInt64, UInt64, [UInt64])] = [
    (0, 0, [0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f]),
    (1_234_567, 0, [0x599e_d017_fb08_fc85, 0x2c73_f084_5854_0fa5, 0x883e_bce5_a3f2_7c77]),
    (42, 1, [0xe36a_9a2d_0e01_5d43, 0x6bb4_d94f_2807_1b75, 0xdbf4_398c_6072_128a]),
  ]

  @Test(arguments: golden)
  func outputsMatchReferenceValues(seed: UInt64, stream: UInt64, expected: [UInt64]) {
    var generator = SplitMix64(seed: seed, stream: stream)
    #expect((0..<3).map { _ in generator.next() } == expected)
  }

  @Test func namedStreamsAreDistinctAndReproducible() {
    let streams: [SplitMix64.Stream] = [.base, .init(rawValue: 1), .init(rawValue: 2), .sampling]
    let firsts = streams.map { stream -> UInt64 in
      var generator = SplitMix64(seed: 7, stream: stream)
      return generator.next()
    }
    #expect(Set(firsts).count == streams.count)
    var again = SplitMix64(seed: 7, stream: 2)
    #expect(again.next() == firsts[2])
    #expect(SplitMix64(seed: 7, stream: .sampling) == SplitMix64(seed: 7, stream: 3))
  }

  @Test func unitFloatsStayInRangeAndLookUniform() {
    var generator = SplitMix64(seed: 3)
    var total: Double = 0
    for _ in 0..<10_000 {
      let value = generator.nextUnitFloat()
      #expect(value >= 0 && value < 1)
      total += Double(value)
    }
    #expect(abs(total / 10_000 - 0.5) < 0.02)
  }
}
