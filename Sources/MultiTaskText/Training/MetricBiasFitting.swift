/// Fits one additive score bias per label of a single-label task, on dev data, for the task's
/// own metric (macro-F1, macro-recall, the F1 of some labels).
///
/// Cross-entropy training makes the most probable label the answer, which is what accuracy
/// rewards. Macro metrics weigh a rare class as much as a frequent one, and their best
/// decision rule predicts a rare class more often than its probability alone would: adding
/// `b[label]` to the scores moves each class's decision point. The biases are found by
/// coordinate ascent on the dev metric over a small grid, a few passes over the labels.
///
/// A dev set of a few hundred documents is small enough to overfit, so biases are kept only
/// when they generalise within it: fitted on one half and scored on the other, both ways,
/// the metric must rise by ``minimumHeldOutGain`` on average. Only then are the biases
/// fitted on the whole dev set and kept.
enum MetricBiasFitting {
  /// The values each label's bias tries, in units of log-probability, smallest changes first
  /// so that among equally good values the gentlest wins (0 first, to undo an earlier pass).
  static let grid: [Float] = [
    0, 0.25, -0.25, 0.5, -0.5, 0.75, -0.75, 1, -1, 1.5, -1.5, 2, -2, 3, -3,
  ]
  /// Passes of coordinate ascent over the labels; the metric rarely moves after the second.
  static let passes = 3
  /// The mean gain on the held-out halves of dev below which biases are not kept: 0.2 points
  /// of the metric, less than one document in most dev sets but more than nothing.
  static let minimumHeldOutGain = 0.002
  /// Tasks with more labels are left alone: a task of thousands of labels has too few dev
  /// documents per label to fit a bias on, and each pass costs labels × documents.
  static let largestLabelCount = 256

  /// Whether a task judged by `metric` gets biases: every metric but accuracy, which is what
  /// the unbiased argmax already aims at.
  static func applies(to metric: TaskMetric) -> Bool { metric != .accuracy }

  /// The biases for documents with `scores` (log-probabilities or logits, `labels` per
  /// document) and `truth`, or nil when they do not improve `metric` on held-out halves.
  ///
  /// - Parameters:
  ///   - scores: Each document's scores, document after document.
  ///   - truth: Each document's true label.
  ///   - labels: The number of labels.
  ///   - metric: The task's metric.
  ///   - labelSet: The task's labels, which metrics naming labels look up.
  /// - Returns: One bias per label, or nil.
  static func fit(
    scores: [Float], truth: [Int], labels: Int, metric: TaskMetric, labelSet: LabelSet
  ) -> [Float]? {
    guard applies(to: metric), labels > 1, labels <= largestLabelCount, truth.count >= 4
    else { return nil }
    let problem = Problem(
      scores: scores, truth: truth, labels: labels, metric: metric, labelSet: labelSet)
    let even = stride(from: 0, to: truth.count, by: 2).map { $0 }
    let odd = stride(from: 1, to: truth.count, by: 2).map { $0 }
    let none = [Float](repeating: 0, count: labels)
    var heldOutGain = 0.0
    for (fitted, scored) in [(even, odd), (odd, even)] {
      let biases = problem.ascend(documents: fitted)
      heldOutGain +=
        problem.value(documents: scored, biases: biases)
        - problem.value(documents: scored, biases: none)
    }
    guard heldOutGain / 2 >= minimumHeldOutGain else { return nil }
    let biases = problem.ascend(documents: Array(truth.indices))
    return biases == none ? nil : biases
  }

  /// One task's dev scores and how they are judged.
  struct Problem {
    let scores: [Float]
    let truth: [Int]
    let labels: Int
    let metric: TaskMetric
    let labelSet: LabelSet

    /// The label a document answers under `biases`: the highest biased score, ties to the
    /// first label, as the predictor's argmax.
    func answer(_ document: Int, biases: [Float]) -> Int {
      let base = document * labels
      var best = 0
      var bestScore = scores[base] + biases[0]
      for label in 1..<labels where scores[base + label] + biases[label] > bestScore {
        best = label
        bestScore = scores[base + label] + biases[label]
      }
      return best
    }

    /// The metric over `documents` answered under `biases`.
    func value(documents: [Int], biases: [Float]) -> Double {
      var totals = LabelTotals(labels: labels)
      for document in documents {
        totals.record(truth: truth[document], predicted: answer(document, biases: biases))
      }
      return metric.value(totals: totals, labels: labelSet)
    }

    /// The two labels a document scores highest under `biases`, ties to the first label:
    /// whichever label's bias is being tried, the best of the others is one of them.
    func leaders(_ document: Int, biases: [Float]) -> (first: Int, second: Int) {
      let base = document * labels
      var first = 0
      var second = 1
      if scores[base + 1] + biases[1] > scores[base] + biases[0] { (first, second) = (1, 0) }
      for label in 2..<max(2, labels) {
        let score = scores[base + label] + biases[label]
        if score > scores[base + first] + biases[first] {
          (first, second) = (label, first)
        } else if score > scores[base + second] + biases[second] {
          second = label
        }
      }
      return (first, second)
    }

    /// Coordinate ascent from no biases: each label in turn takes the grid value that most
    /// raises the metric over `documents`, if any does; stops after ``passes`` passes or
    /// one without a change. Each try costs one look at every document, against the best
    /// of its other labels, so a pass costs labels × grid × documents.
    func ascend(documents: [Int]) -> [Float] {
      var biases = [Float](repeating: 0, count: labels)
      var best = value(documents: documents, biases: biases)
      var leaders = documents.map { self.leaders($0, biases: biases) }
      for _ in 0..<MetricBiasFitting.passes {
        var changed = false
        for label in 0..<labels {
          var moved = false
          for value in MetricBiasFitting.grid where value != biases[label] {
            var totals = LabelTotals(labels: labels)
            for (position, document) in documents.enumerated() {
              let other =
                leaders[position].first == label
                ? leaders[position].second : leaders[position].first
              let otherScore = scores[document * labels + other] + biases[other]
              let own = scores[document * labels + label] + value
              let wins = own > otherScore || (own == otherScore && label < other)
              totals.record(truth: truth[document], predicted: wins ? label : other)
            }
            let score = metric.value(totals: totals, labels: labelSet)
            if score > best {
              best = score
              biases[label] = value
              moved = true
            }
          }
          if moved {
            leaders = documents.map { self.leaders($0, biases: biases) }
            changed = true
          }
        }
        if !changed { break }
      }
      return biases
    }
  }
}
