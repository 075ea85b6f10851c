import Testing

@testable import MultiTaskText

/// Every stage takes its thread count from one rule.
struct ThreadCountTests {
  @Test(arguments: [
    (requested: 4, work: 100, expected: 4),
    (requested: 4, work: 2, expected: 2),
    (requested: 0, work: 100, expected: 1),
    (requested: 8, work: 0, expected: 1),
    (requested: 10_000, work: Int.max, expected: TrainingConfiguration.largestThreadCount),
  ])
  func clampsToTheWorkAndTheLargestCount(requested: Int, work: Int, expected: Int) {
    #expect(ThreadCount.clamped(requested, toWork: work) == expected)
  }
}
