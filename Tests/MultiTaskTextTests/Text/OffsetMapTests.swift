import Testing

@testable import MultiTaskText

struct OffsetMapTests {
  // "ﬁx ß!" → "fix ss!": ﬁ (3 bytes) → fi (2), ß (2 bytes) → ss (2).
  static let edits = [
    TextEdit(sourceStart: 0, sourceLength: 3, destinationStart: 0, destinationLength: 2),
    TextEdit(sourceStart: 5, sourceLength: 2, destinationStart: 4, destinationLength: 2),
  ]

  @Test(arguments: [(0, 0), (1, 0), (2, 3), (3, 4), (4, 5), (5, 5), (6, 7)])
  func mapsStarts(_ normalized: Int, _ original: Int) {
    #expect(OffsetMap(edits: Self.edits).originalStart(of: normalized) == original)
  }

  @Test(arguments: [(1, 3), (2, 3), (3, 4), (5, 7), (6, 7), (7, 8)])
  func mapsEnds(_ normalized: Int, _ original: Int) {
    #expect(OffsetMap(edits: Self.edits).originalEnd(of: normalized) == original)
  }

  @Test func aDeletionAtATokensEndBelongsToTheToken() {
    // "e\u{301} x": the two-byte accent at 1..<3 was deleted.
    let map = OffsetMap(edits: [
      TextEdit(sourceStart: 1, sourceLength: 2, destinationStart: 1, destinationLength: 0)
    ])
    #expect(map.originalEnd(of: 1) == 3)
    #expect(map.originalStart(of: 2) == 4)
  }

  @Test func noEditsIsTheIdentity() {
    let map = OffsetMap(edits: [])
    #expect(map.originalStart(of: 7) == 7)
    #expect(map.originalEnd(of: 9) == 9)
  }
}
