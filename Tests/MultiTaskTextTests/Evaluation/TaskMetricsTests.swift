import Foundation
import Testing

@testable import MultiTaskText

struct TaskMetricsTests {
  /// Three classes; "c" is never predicted, so its precision and F1 are 0, not NaN.
  ///            predicted a  b  c
  /// truth a             3  1  0
  /// truth b             1  2  0
  /// truth c             1  1  0
  static func matrix() -> ConfusionMatrix {
    var matrix = ConfusionMatrix(labels: ["a", "b", "c"])
    for (truth, predicted, count) in [
      ("a", 0, 3), ("a", 1, 1), ("b", 0, 1), ("b", 1, 2), ("c", 0, 1), ("c", 1, 1),
    ] {
      for _ in 0..<count { matrix.record(truth: truth, predicted: predicted) }
    }
    return matrix
  }

  @Test func matchesHandComputedValues() {
    let metrics = TaskMetrics(Self.matrix())
    #expect(metrics.examples == 9)
    #expect(abs(metrics.accuracy - 5.0 / 9) < 1e-12)
    // a: p = 3/5, r = 3/4, f1 = 2·0.6·0.75/1.35 = 2/3; b: p = 2/4, r = 2/3, f1 = 4/7; c: 0.
    let expected: [(Double, Double, Double, Int)] = [
      (0.6, 0.75, 2.0 / 3, 4), (0.5, 2.0 / 3, 4.0 / 7, 3), (0, 0, 0, 2),
    ]
    for (actual, wanted) in zip(metrics.classes, expected) {
      #expect(abs(actual.precision - wanted.0) < 1e-12)
      #expect(abs(actual.recall - wanted.1) < 1e-12)
      #expect(abs(actual.f1 - wanted.2) < 1e-12)
      #expect(actual.support == wanted.3)
    }
    #expect(abs(metrics.macroF1 - (2.0 / 3 + 4.0 / 7) / 3) < 1e-12)
    #expect(abs(metrics.weightedF1 - (4 * 2.0 / 3 + 3 * 4.0 / 7) / 9) < 1e-12)
  }

  @Test func encodesAsJSONWithoutNaN() throws {
    let data = try JSONEncoder().encode(TaskMetrics(Self.matrix()))
    let text = String(decoding: data, as: UTF8.self)
    #expect(!text.contains("nan") && !text.contains("NaN"))
  }

  @Test func countsAndNamesLabelsNeverSeenInTraining() {
    var matrix = ConfusionMatrix(labels: ["ham", "spam"])
    matrix.record(truth: "ham", predicted: 0)
    matrix.record(truth: "phishing", predicted: 1)
    matrix.record(truth: "phishing", predicted: 0)
    #expect(matrix.unseenLabels == ["phishing"])
    let metrics = TaskMetrics(matrix)
    #expect(metrics.classes.last?.support == 2)
    #expect(abs(metrics.accuracy - 1.0 / 3) < 1e-12)
  }
}
