/// Writes a report as GitHub-flavoured Markdown, to paste into a pull request.
///
/// The summary table comes first, since a reviewer wants the headline numbers; then each task
/// with its metrics, per-class table and confusion matrix. Labels are data, so every Markdown
/// special character in them is backslash-escaped: a `|` would otherwise split a table cell.
public struct MarkdownReportRenderer: Sendable {
  /// At most this many named classes in a confusion matrix; the rest are "other".
  public static let confusionClassLimit = 20
  /// At most this many per-label rows in a task's table; past it, the labels with the most
  /// test documents are shown and a line says how many more there are.
  public static let classRowLimit = 50
  /// How many of the largest mistakes are listed under a folded confusion matrix.
  static let topConfusionLimit = 10

  /// Creates a renderer.
  public init() {}

  /// The report as Markdown, ending in a newline.
  public func render(_ report: EvaluationReport) -> String {
    var lines = ["## Evaluation report", ""]
    if let model = report.modelPath { lines += ["Model: \(Self.escape(model))", ""] }
    lines += summaryTable(report) + [""]
    if let run = report.run { lines += run.markdown() }
    if let kept = report.history?.selectionNote(order: report.tasks.map(\.name)) {
      lines += ["Training: " + Self.escape(kept), ""]
    }
    if let choice = report.history?.characterNgrams {
      lines += ["Chosen on dev: " + Self.escape(choice.description), ""]
    }
    for advice in report.history?.advice ?? [] {
      lines += ["> **Note:** " + Self.escape(advice), ""]
    }
    let selections = report.tasks.compactMap { task in
      task.selection.map {
        "\(Self.escape(task.name)) on \($0.metric): \(ReportNumberFormat.score($0.value))"
      }
    }
    if !selections.isEmpty {
      lines += ["Selected on: " + selections.joined(separator: "; "), ""]
    }
    if let tuning = report.tuning { lines += tuningLines(tuning) }
    for task in report.tasks { lines += taskLines(task) }
    return lines.joined(separator: "\n")
  }

  private func summaryTable(_ report: EvaluationReport) -> [String] {
    var rows = [
      Self.row(["Task", "Examples", "Accuracy", "Macro-F1", "Weighted F1", "Majority baseline"]),
      "|:--|--:|--:|--:|--:|:--|",
    ]
    for task in report.tasks {
      let accuracy = ReportNumberFormat.percent(task.metrics.accuracy)
      let baseline = task.majorityBaseline
      rows.append(
        Self.row([
          Self.escape(task.name), ReportNumberFormat.count(task.metrics.examples),
          task.isNoBetterThanBaseline ? "⚠️ " + accuracy : accuracy,
          ReportNumberFormat.score(task.metrics.macroF1),
          ReportNumberFormat.score(task.metrics.weightedF1),
          task.multiLabel == nil
            ? ReportNumberFormat.percent(baseline.accuracy) + " (" + Self.escape(baseline.label)
              + ")" : "— (multi-label)",
        ]))
    }
    if report.tasks.count > 1 {
      let summary = report.summary
      rows.append(
        Self.row([
          "**Mean**", "", "**\(ReportNumberFormat.percent(summary.accuracy))**",
          "**\(ReportNumberFormat.score(summary.macroF1))**", "", "",
        ]))
    }
    return rows
  }

  private func taskLines(_ task: TaskReport) -> [String] {
    if let multiLabel = task.multiLabel { return multiLabelLines(task, multiLabel) }
    let metrics = task.metrics
    let baseline = task.majorityBaseline
    var lines = ["### \(Self.escape(task.name))", ""]
    lines.append(
      "\(ReportNumberFormat.count(metrics.examples)) examples from \(Self.escape(task.file)): "
        + "accuracy **\(ReportNumberFormat.percent(metrics.accuracy))**, "
        + "macro-F1 **\(ReportNumberFormat.score(metrics.macroF1))**, "
        + "weighted F1 \(ReportNumberFormat.score(metrics.weightedF1)); majority baseline "
        + "\(ReportNumberFormat.percent(baseline.accuracy)) (always \(Self.escape(baseline.label)), "
        + "from \(baseline.source) data).")
    lines.append("")
    if let calibration = task.calibration {
      lines += [
        "Calibration: ECE \(ReportNumberFormat.decimal(calibration.ece, digits: 4)), log-loss "
          + "\(ReportNumberFormat.decimal(calibration.logLoss, digits: 4)), Brier "
          + "\(ReportNumberFormat.decimal(calibration.brier, digits: 4)).", "",
      ]
    }
    if let abstention = task.abstention, abstention.abstains {
      lines += [
        "Answered \(ReportNumberFormat.percent(abstention.coverage)) of the documents, with"
          + " accuracy \(ReportNumberFormat.percent(abstention.answeredAccuracy)) on them"
          + " (\(abstention.noKnownTokens) without a known token, \(abstention.belowMinimum)"
          + " below the minimum probability).", "",
      ]
    }
    if task.isNoBetterThanBaseline {
      lines += ["> [!WARNING]", "> " + Self.escape(task.baselineWarning) + ".", ""]
    }
    lines += ["| Label | Precision | Recall | F1 | Support |", "|:--|--:|--:|--:|--:|"]
    let shown = LabelFolding.shown(classes: metrics.classes.count, limit: Self.classRowLimit) {
      metrics.classes[$0].support
    }
    for row in shown.map({ metrics.classes[$0] }) {
      lines.append(
        Self.row([
          Self.escape(row.label), ReportNumberFormat.score(row.precision),
          ReportNumberFormat.score(row.recall), ReportNumberFormat.score(row.f1),
          ReportNumberFormat.count(row.support),
        ]))
    }
    if let note = LabelFolding.note(hidden: metrics.classes.count - shown.count, shown: shown.count)
    {
      lines += ["", Self.escape(note)]
    }
    lines += [""] + confusionLines(task.confusion) + [""]
    if !task.unseenLabels.isEmpty {
      let items = task.unseenLabels.map { "\(Self.escape($0.label)) (\($0.examples))" }
      lines += [
        "Test labels never seen in training: "
          + LabelFolding.truncated(items, limit: Self.classRowLimit).joined(separator: ", ")
          + ".", "",
      ]
    }
    return lines
  }

  /// A multi-label task: its figures, the per-label table by support, confused pairs.
  private func multiLabelLines(_ task: TaskReport, _ report: MultiLabelReport) -> [String] {
    let counts = report.counts
    var lines = [
      "### \(Self.escape(task.name)) (multi-label)", "",
      "\(ReportNumberFormat.count(counts.documents)) examples from \(Self.escape(task.file)): "
        + "micro-F1 **\(ReportNumberFormat.score(counts.microF1))**, macro-F1 "
        + "**\(ReportNumberFormat.score(counts.macroF1))**, sample F1 "
        + "\(ReportNumberFormat.score(counts.sampleF1)), subset accuracy "
        + "\(ReportNumberFormat.percent(counts.subsetAccuracy)), Hamming loss "
        + "\(ReportNumberFormat.decimal(counts.hammingLoss, digits: 4)).", "",
      "| Label | Threshold | Precision | Recall | F1 | Support |", "|:--|--:|--:|--:|--:|--:|",
    ]
    let ranked = TextReportRenderer.bySupport(report)
    let shown = ranked.prefix(Self.classRowLimit)
    for label in shown {
      let threshold = label < report.thresholds.count ? Double(report.thresholds[label]) : 0.5
      lines.append(
        Self.row([
          Self.escape(report.labels[label]), ReportNumberFormat.decimal(threshold, digits: 3),
          ReportNumberFormat.score(counts.precision(label)),
          ReportNumberFormat.score(counts.recall(label)),
          ReportNumberFormat.score(counts.f1(label)),
          ReportNumberFormat.count(counts.support(label)),
        ]))
    }
    if let note = LabelFolding.note(hidden: ranked.count - shown.count, shown: shown.count) {
      lines += ["", Self.escape(note)]
    }
    lines.append("")
    if !report.confusedPairs.isEmpty {
      let items = report.confusedPairs.map {
        "\(Self.escape($0.truth)) → \(Self.escape($0.predicted)) (\($0.count))"
      }
      lines += [
        "Most confused (true label missed → label given): " + items.joined(separator: ", ")
          + ".", "",
      ]
    }
    return lines
  }

  private func confusionLines(_ matrix: ConfusionMatrix) -> [String] {
    let condensed = CondensedConfusion(matrix, limit: Self.confusionClassLimit)
    var lines = [
      "<details><summary>Confusion matrix (rows: true, columns: predicted)</summary>", "",
    ]
    if condensed.hiddenClassCount > 0 {
      lines += ["The \(condensed.hiddenClassCount) smallest classes are folded into “other”.", ""]
    }
    lines.append(
      Self.row(["true \\\\ predicted"] + condensed.columns.map { Self.escape(columnName($0)) }))
    lines.append("|:--|" + String(repeating: "--:|", count: condensed.columns.count))
    for (row, counts) in condensed.counts.enumerated() {
      let cells = counts.enumerated().map { column, count in
        condensed.isDiagonal(row: row, column: column) ? "**\(count)**" : String(count)
      }
      lines.append(Self.row(["**" + Self.escape(condensed.rows[row].name) + "**"] + cells))
    }
    lines += ["", "</details>"]
    let top = matrix.topConfusions(limit: Self.topConfusionLimit)
    if condensed.hiddenClassCount > 0, !top.isEmpty {
      let items = top.map {
        "\(Self.escape(matrix.labels[$0.truth])) → \(Self.escape(matrix.labels[$0.predicted]))"
          + " (\(ReportNumberFormat.count($0.count)))"
      }
      lines += [
        "", "Top confusions (true label → predicted): " + items.joined(separator: ", ") + ".",
      ]
    }
    return lines
  }

  private func columnName(_ axis: CondensedConfusion.Axis) -> String {
    if case .other = axis { return "other" }
    return axis.name
  }

  /// One table row from already-escaped cells.
  static func row(_ cells: [String]) -> String {
    "| " + cells.joined(separator: " | ") + " |"
  }

  /// `text` with Markdown and HTML specials backslash-escaped and line breaks flattened, so it
  /// reads literally in a table cell.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!", "{", "}":
        result.append("\\")
        result.append(character)
      case "\n", "\r", "\r\n", "\t": result.append(" ")
      default: result.append(character)
      }
    }
    return result
  }
}
