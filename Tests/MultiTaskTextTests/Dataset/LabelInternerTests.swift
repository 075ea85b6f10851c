import Testing

@testable import MultiTaskText

/// Labels get provisional ids in order of first appearance, then final ids in sorted order.
struct LabelInternerTests {
  @Test func idsFollowFirstAppearanceAndTheRemapFollowsTheSortedSet() throws {
    var interner = LabelInterner(taskNames: ["topic"])
    #expect(try interner.id(of: "sport", task: 0, location: nil) == 0)
    #expect(try interner.ids(of: ["arts", "sport", "news"], task: 0, location: nil) == [1, 0, 2])
    let (sets, remap) = try interner.finish()
    #expect(sets[0].labels == ["arts", "news", "sport"])
    // sport (provisional 0) is final 2, arts (1) is 0, news (2) is 1.
    #expect(remap[0] == [2, 0, 1])
  }

  @Test func aTaskWithOneLabelIsRefusedByName() throws {
    var interner = LabelInterner(taskNames: ["spam", "mood"])
    _ = try interner.ids(of: ["ham", "spam"], task: 0, location: nil)
    _ = try interner.id(of: "happy", task: 1, location: nil)
    #expect(throws: TrainingError.tooFewLabels(task: "mood", labels: ["happy"])) {
      try interner.finish()
    }
  }
}
