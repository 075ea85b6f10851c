import Testing

@testable import MultiTaskText

/// The hash table answers exactly what a search of the ascending feature array answers.
struct ColumnLookupTests {
  @Test func findsEveryFeatureAndNothingElse() {
    var generator = SplitMix64(seed: 7, stream: .base)
    var features = Set<Int32>()
    // Dense runs (words) and scattered rows (buckets), as a path's features are.
    for row in 0..<3_000 { features.insert(Int32(row)) }
    while features.count < 10_000 {
      features.insert(Int32(truncatingIfNeeded: generator.next() % 2_000_000))
    }
    let sorted = features.sorted()
    let lookup = ColumnLookup(features: sorted)
    for (column, feature) in sorted.enumerated() {
      #expect(lookup.column(of: feature) == Int32(column))
    }
    var absent = 0
    for _ in 0..<20_000 {
      let row = Int32(truncatingIfNeeded: generator.next() % 2_100_000)
      let expected = sorted.firstIndex(of: row).map(Int32.init)
      #expect(lookup.column(of: row) == expected)
      if expected == nil { absent += 1 }
    }
    #expect(absent > 0)
    #expect(ColumnLookup(features: []).column(of: 0) == nil)
  }
}
