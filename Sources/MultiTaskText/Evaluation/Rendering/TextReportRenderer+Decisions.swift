/// The parts of a task's text block that concern how probabilities become answers: a
/// multi-label task's figures, labels and confused pairs, a single-label task's
/// calibration, and documents answered from no known token.
extension TextReportRenderer {
  /// A multi-label task's block after its rule and file line.
  func multiLabelLines(_ report: MultiLabelReport, task: TaskReport) -> [String] {
    let counts = report.counts
    var lines = [
      "  examples  \(ReportNumberFormat.count(counts.documents))   micro-F1 "
        + ReportNumberFormat.score(counts.microF1) + "   macro-F1 "
        + ReportNumberFormat.score(counts.macroF1) + "   sample F1 "
        + ReportNumberFormat.score(counts.sampleF1),
      "  subset accuracy \(ReportNumberFormat.percent(counts.subsetAccuracy))   Hamming loss "
        + ReportNumberFormat.decimal(counts.hammingLoss, digits: 4),
    ]
    if let selection = task.selection {
      lines.append(
        "  selected  on " + DisplayWidth.sanitized(selection.metric.description) + " "
          + ReportNumberFormat.score(selection.value))
    }
    lines.append("")
    var table = TextTable(columns: [
      .init(header: "label", alignment: .left, maximumWidth: min(40, width - 50)),
      .init(header: "threshold", alignment: .right),
      .init(header: "precision", alignment: .right),
      .init(header: "recall", alignment: .right),
      .init(header: "F1", alignment: .right),
      .init(header: "support", alignment: .right),
    ])
    let ranked = Self.bySupport(report)
    let shown = ranked.prefix(Self.classRowLimit)
    for label in shown {
      let threshold = label < report.thresholds.count ? Double(report.thresholds[label]) : 0.5
      table.append([
        report.labels[label], ReportNumberFormat.decimal(threshold, digits: 3),
        ReportNumberFormat.score(counts.precision(label)),
        ReportNumberFormat.score(counts.recall(label)), ReportNumberFormat.score(counts.f1(label)),
        ReportNumberFormat.count(counts.support(label)),
      ])
    }
    lines += table.lines(indent: 2, colors: colors)
    if let note = LabelFolding.note(hidden: ranked.count - shown.count, shown: shown.count) {
      lines += wordWrapped(note, indent: "  ", continuation: "    ")
    }
    if !report.confusedPairs.isEmpty {
      lines.append("")
      let items = report.confusedPairs.map {
        "\(DisplayWidth.truncate(DisplayWidth.sanitized($0.truth), to: 30)) → "
          + "\(DisplayWidth.truncate(DisplayWidth.sanitized($0.predicted), to: 30)) ×\($0.count)"
      }
      lines += wrapped(
        "most confused (true label missed → label given instead):", items: items, indent: 2)
    }
    return lines
  }

  /// The labels, most frequent in the test file first, ties in label order.
  static func bySupport(_ report: MultiLabelReport) -> [Int] {
    LabelFolding.bySupport(classes: report.labels.count) { report.counts.support($0) }
  }

  /// The calibration line of a single-label task, and the documents with no known token.
  func decisionLines(_ task: TaskReport) -> [String] {
    var lines: [String] = []
    if let calibration = task.calibration {
      lines.append(
        "  calibration  ECE " + ReportNumberFormat.decimal(calibration.ece, digits: 4)
          + "   log-loss " + ReportNumberFormat.decimal(calibration.logLoss, digits: 4)
          + "   Brier " + ReportNumberFormat.decimal(calibration.brier, digits: 4))
    }
    if let abstention = task.abstention, abstention.abstains {
      lines.append(
        "  answered  \(ReportNumberFormat.percent(abstention.coverage)) of documents, accuracy"
          + " \(ReportNumberFormat.percent(abstention.answeredAccuracy)) on them ("
          + "\(ReportNumberFormat.count(abstention.noKnownTokens)) without a known token"
          + (abstention.minimumProbability.map {
            ", \(ReportNumberFormat.count(abstention.belowMinimum)) below \($0)"
          } ?? "") + ")")
      return lines
    }
    if task.documentsWithoutKnownTokens > 0 {
      lines.append(
        "  \(ReportNumberFormat.count(task.documentsWithoutKnownTokens)) document(s) had no"
          + " known token; mtl predict answers them null (\"no known tokens\")")
    }
    return lines
  }
}
