import Testing

@testable import MultiTaskText

/// The metrics epochs are selected on agree with the evaluation's, and read their
/// configuration forms back.
struct TaskMetricTests {
  static let labels = LabelSet(["a", "b", "c"])
  /// `counts[truth][predicted]` over a, b, c.
  static let counts = [[5, 1, 0], [2, 3, 1], [0, 0, 0]]

  @Test func accuracyAndMacroF1MatchTheEvaluationsMetrics() {
    var matrix = ConfusionMatrix(labels: Self.labels.labels)
    for (truth, row) in Self.counts.enumerated() {
      for (predicted, count) in row.enumerated() {
        for _ in 0..<count { matrix.record(truthIndex: truth, predicted: predicted) }
      }
    }
    let metrics = TaskMetrics(matrix)
    let unseen = [0, 0, 0]
    let accuracy = TaskMetric.accuracy.value(
      counts: Self.counts, unseen: unseen, labels: Self.labels)
    let macroF1 = TaskMetric.macroF1.value(counts: Self.counts, unseen: unseen, labels: Self.labels)
    #expect(abs(accuracy - metrics.accuracy) < 1e-12)
    #expect(abs(macroF1 - metrics.macroF1) < 1e-12)
  }

  @Test func labelMetricsAndRecall() {
    let unseen = [0, 0, 0]
    let f1a = TaskMetric.f1(label: "a").value(
      counts: Self.counts, unseen: unseen, labels: Self.labels)
    // a: precision 5/7, recall 5/6.
    #expect(abs(f1a - 2 * (5.0 / 7) * (5.0 / 6) / (5.0 / 7 + 5.0 / 6)) < 1e-12)
    let recall = TaskMetric.macroRecall.value(
      counts: Self.counts, unseen: unseen, labels: Self.labels)
    #expect(abs(recall - (5.0 / 6 + 3.0 / 6) / 2) < 1e-12)
    let average = TaskMetric.f1Average(labels: ["a", "b"]).value(
      counts: Self.counts, unseen: unseen, labels: Self.labels)
    let f1b = TaskMetric.f1(label: "b").value(
      counts: Self.counts, unseen: unseen, labels: Self.labels)
    #expect(abs(average - (f1a + f1b) / 2) < 1e-12)
  }

  @Test func documentsOfUnseenLabelsCountAsWrong() {
    let accuracy = TaskMetric.accuracy.value(
      counts: Self.counts, unseen: [4, 0, 0], labels: Self.labels)
    #expect(abs(accuracy - 8.0 / 16) < 1e-12)
  }

  @Test(arguments: ["accuracy", "macroF1", "macroRecall", "f1:spam", "f1avg:FAVOR,AGAINST"])
  func configurationFormsReadBack(text: String) throws {
    let metric = try #require(TaskMetric(text))
    #expect(metric.description == text)
  }

  @Test(arguments: ["", "f1:", "f1avg:", "f1avg:a,,b", "macroF2"])
  func malformedFormsAreRejected(text: String) {
    #expect(TaskMetric(text) == nil)
  }
}
