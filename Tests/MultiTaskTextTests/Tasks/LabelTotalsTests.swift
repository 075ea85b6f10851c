import Testing

@testable import MultiTaskText

/// Per-label totals give every metric the value the confusion matrix gives.
@Suite struct LabelTotalsTests {
  @Test(arguments: [
    TaskMetric.accuracy, .macroF1, .macroRecall, .f1(label: "b"), .f1Average(labels: ["a", "d"]),
  ])
  func totalsAgreeWithTheConfusionMatrix(metric: TaskMetric) {
    let labels = LabelSet(["a", "b", "c", "d", "e"])
    var generator = SplitMix64(seed: 9)
    for _ in 0..<20 {
      var counts = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 5)
      var unseen = [Int](repeating: 0, count: 5)
      var totals = LabelTotals(labels: 5)
      for _ in 0..<40 {
        // Label 4 is never the truth nor, mostly, the answer: absent labels are left out.
        let truth = Int(generator.next() % 5) - 1
        let predicted = Int(generator.next() % 4)
        if truth >= 0 { counts[truth][predicted] += 1 } else { unseen[predicted] += 1 }
        totals.record(truth: truth, predicted: predicted)
      }
      let matrix = metric.value(counts: counts, unseen: unseen, labels: labels)
      #expect(abs(metric.value(totals: totals, labels: labels) - matrix) < 1e-12)
    }
  }
}
