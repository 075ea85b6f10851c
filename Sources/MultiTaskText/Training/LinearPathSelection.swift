#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One task's dev documents, ready to choose its linear path's weight: each document's
/// weighed features and the head's log-probabilities divided by the task's temperature.
///
/// Prediction answers the most probable label of `softmax(log p_T + alpha × scores)`, where
/// `log p_T` differs from `log p / T` by a constant per document, so the label chosen here
/// for a weight is the label `mtl eval` answers with it.
struct LinearPathSelection {
  /// The task's dev documents, weighed with the task's columns.
  private let rows: SparseRows
  /// Per document, per label: the head's log-probability over the temperature.
  private let headScores: [Float]
  /// The task's labels.
  private let labels: Int

  /// Whether the task has dev documents to choose on.
  var hasDevelopment: Bool { rows.count > 0 }

  /// Scores the dev documents of `task` with the kept `parameters`.
  init(
    task: Int, columns: LinearColumns, development: DevelopmentSet?, temperature: Float,
    parameters: SharedParameters
  ) {
    let labels = parameters.labelCounts[task]
    self.labels = labels
    var rows = SparseRows()
    var headScores: [Float] = []
    if let development {
      var buffers = TermBuffers()
      let scratch = ForwardScratch(dimension: parameters.dimension, labels: labels)
      development.features.withUnsafeBufferPointer { features in
        for entry in 0..<development.documentCount where Int(development.tasks[entry]) == task {
          let range = development.offsets[entry]..<development.offsets[entry + 1]
          let probabilities = ForwardPass.probabilities(
            UnsafeBufferPointer(rebasing: features[range]), task: task, with: parameters,
            scratch: scratch)
          for value in probabilities {
            headScores.append(logf(max(value, LinearPath.smallestProbability)) / temperature)
          }
          columns.append(
            development.features[range], label: development.labels[entry], to: &rows,
            buffers: &buffers)
        }
      }
    }
    self.rows = rows
    self.headScores = headScores
  }

  /// The best weight for the path with `weights` (per label: one per column, the bias
  /// last), by `metric`; ties go to the smaller weight.
  ///
  /// - Parameter allowsNone: Whether weight 0, the head alone, is a choice.
  func bestWeight(
    weights: [[Float]], metric: TaskMetric, labels labelSet: LabelSet, allowsNone: Bool
  ) -> (score: Double, alpha: Float) {
    var margins = [Float](repeating: 0, count: rows.count * labels)
    for (label, values) in weights.enumerated() {
      values.withUnsafeBufferPointer { values in
        for row in 0..<rows.count { margins[row * labels + label] = rows.dot(row, values) }
      }
    }
    var best = (score: -Double.infinity, alpha: Float(0))
    for alpha in Trainer.linearWeights where allowsNone || alpha > 0 {
      let score = self.score(alpha: alpha, margins: margins, metric: metric, labels: labelSet)
      if score > best.score { best = (score, alpha) }
    }
    return best
  }

  /// The dev score of the head alone.
  func scoreWithout(metric: TaskMetric, labels labelSet: LabelSet) -> Double {
    score(alpha: 0, margins: [], metric: metric, labels: labelSet)
  }

  /// The dev score of `log p / T + alpha × margins` (margins unread when `alpha` is 0).
  private func score(
    alpha: Float, margins: [Float], metric: TaskMetric, labels labelSet: LabelSet
  ) -> Double {
    var totals = LabelTotals(labels: labels)
    for row in 0..<rows.count {
      let start = row * labels
      var predicted = 0
      var largest = -Float.infinity
      for label in 0..<labels {
        let value = headScores[start + label] + (alpha == 0 ? 0 : alpha * margins[start + label])
        if value > largest {
          largest = value
          predicted = label
        }
      }
      totals.record(truth: Int(rows.labels[row]), predicted: predicted)
    }
    return metric.value(totals: totals, labels: labelSet)
  }
}
