/// How the reports name the dev score that chose the kept epoch.
///
/// Each task is selected on its own metric (accuracy by default, macro-F1 for a multi-label
/// task), and the kept epoch is the one with the best mean of those scores. A report that
/// showed dev accuracy beside "kept epoch 16" would point at the wrong curve for a multi-label
/// task, whose accuracy is subset accuracy; so every renderer shows the selecting score and
/// names its metric.
extension TrainingHistory {
  /// The per-epoch dev values that select: the dev scores where recorded, else (reports
  /// written before they were) the dev accuracies.
  func selectingScores(of epoch: Epoch) -> [String: Double] {
    epoch.devScore.isEmpty ? epoch.devAccuracy : epoch.devScore
  }

  /// The metric `task` is selected on; accuracy when none was recorded.
  func selectingMetric(of task: String) -> TaskMetric { devMetrics[task] ?? .accuracy }

  /// Whether every task with a dev score is selected on accuracy, so the scores are
  /// accuracies and read best as percentages.
  var selectsOnAccuracy: Bool { devMetrics.values.allSatisfy { $0 == .accuracy } }

  /// The one metric every task is selected on, or nil when they differ.
  var sharedMetric: TaskMetric? {
    let metrics = Set(devMetrics.values.map(\.description))
    guard metrics.count <= 1 else { return nil }
    return devMetrics.values.first ?? .accuracy
  }

  /// `kept epoch 16 of 19, the best dev score: emotion macroF1 0.4513` (or, when no earlier
  /// epoch was restored, `kept the last epoch, 19; its dev score: …`); nil when no epoch was
  /// scored on dev.
  ///
  /// - Parameter order: Task names in the report's order; the note lists the scores in it,
  ///   then any other task by name.
  func selectionNote(order: [String] = []) -> String? {
    let kept = keptEpoch ?? epochs.last?.epoch
    guard let kept, let record = epochs.first(where: { $0.epoch == kept }) else { return nil }
    let scores = selectingScores(of: record)
    guard !scores.isEmpty else { return nil }
    let names =
      order.filter { scores[$0] != nil } + scores.keys.filter { !order.contains($0) }.sorted()
    let values = names.compactMap { task in
      scores[task].map { value in
        let metric = selectingMetric(of: task)
        let shown =
          metric == .accuracy
          ? ReportNumberFormat.percent(value) : ReportNumberFormat.decimal(value, digits: 4)
        return "\(task) \(metric) \(shown)"
      }
    }
    let shown = values.joined(separator: ", ")
    // Without a restored epoch the last one is kept, best or not (fixed epochs).
    guard keptEpoch != nil else { return "kept the last epoch, \(kept); its dev score: " + shown }
    let best = scores.count == 1 ? "the best dev score" : "the best mean dev score"
    return "kept epoch \(kept) of \(epochs.count), \(best): " + shown
  }
}
