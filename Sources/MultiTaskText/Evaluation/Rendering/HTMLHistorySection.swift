/// The training section of the HTML report: loss per task per epoch, and the dev score that
/// selects the kept epoch, named by its metric (dev accuracy unless a task is selected on
/// another metric, as a multi-label task is on macro-F1).
struct HTMLHistorySection {
  /// Distinct, colour-blind-friendly-ish hues, one per task, the same in both charts.
  static let palette = [
    "#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d",
    "#475569", "#9333ea",
  ]

  let report: EvaluationReport
  let history: TrainingHistory

  func html() -> [String] {
    let epochs = history.epochs.map(\.epoch)
    let loss = series { $0.loss }
    let dev = series { history.selectingScores(of: $0) }
    var lines = ["<section class=\"training\">", "<h2>Training</h2>"]
    var note =
      "\(history.epochs.count) epochs in \(ReportNumberFormat.decimal(history.seconds, digits: 1)) s"
    if let selection = history.selectionNote(order: report.tasks.map(\.name)) {
      note += "; " + selection
    } else if let kept = history.keptEpoch {
      note += "; kept the parameters of epoch \(kept), best on dev"
    }
    lines.append("<p class=\"muted\">\(HTMLEscaping.escape(note)).</p>")
    lines.append("<div class=\"charts\">")
    if !loss.isEmpty {
      lines.append(
        LineChart(
          title: "Training loss", yLabel: "loss", epochs: epochs, series: loss,
          keptEpoch: history.keptEpoch
        ).svg())
    }
    if !dev.isEmpty {
      let shared = history.sharedMetric
      let named =
        shared != nil
        ? dev
        : dev.map {
          var line = $0
          line.name += " (\(history.selectingMetric(of: $0.name)))"
          return line
        }
      let metric = shared.map(\.description) ?? "score"
      lines.append(
        LineChart(
          title: "Dev \(metric), which selects the kept epoch", yLabel: "dev \(metric)",
          epochs: epochs, series: named, percent: history.selectsOnAccuracy,
          keptEpoch: history.keptEpoch, bounds: 0...1
        ).svg())
    }
    return lines + ["</div>", "</section>"]
  }

  /// One series per task with values, in report order, then any other names sorted.
  private func series(_ values: (TrainingHistory.Epoch) -> [String: Double]) -> [LineChart.Series] {
    var names = report.tasks.map(\.name)
    let extra = Set(history.epochs.flatMap { values($0).keys }).subtracting(names).sorted()
    names += extra
    return names.enumerated().compactMap { index, name in
      var byEpoch: [Int: Double] = [:]
      for record in history.epochs { byEpoch[record.epoch] = values(record)[name] }
      guard !byEpoch.isEmpty else { return nil }
      return LineChart.Series(
        name: name, color: Self.palette[index % Self.palette.count], values: byEpoch)
    }
  }
}
