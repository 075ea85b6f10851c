/// The training section of the HTML report: loss and dev accuracy per task per epoch.
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
    let dev = series { $0.devAccuracy }
    var lines = ["<section class=\"training\">", "<h2>Training</h2>"]
    var note =
      "\(history.epochs.count) epochs in \(ReportNumberFormat.decimal(history.seconds, digits: 1)) s"
    if let kept = history.keptEpoch {
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
      lines.append(
        LineChart(
          title: "Dev accuracy", yLabel: "accuracy", epochs: epochs, series: dev, percent: true,
          keptEpoch: history.keptEpoch
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
