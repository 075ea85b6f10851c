/// Writes a report for a terminal: one block per task, then a summary across tasks.
///
/// Every line fits in ``width`` display columns (100 by default, the project's line length),
/// counting CJK characters and emoji as two, so tables stay aligned whatever the labels.
/// Colours are opt-in: the CLI turns them on only when standard output is a terminal.
public struct TextReportRenderer: Sendable {
  /// At most this many per-class rows in a task's table; past it, the labels with the most
  /// test documents are shown and a line says how many more there are.
  static let classRowLimit = 30

  /// Whether to emit ANSI colour and bold escapes.
  public var colors: Bool
  /// The widest line allowed, in display columns.
  public var width: Int

  /// Creates a renderer.
  ///
  /// - Parameters:
  ///   - colors: Emit ANSI escapes; pass true only when writing to a terminal.
  ///   - width: The widest line allowed, in display columns; at least 60.
  public init(colors: Bool = false, width: Int = 100) {
    self.colors = colors
    self.width = max(60, width)
  }

  /// The report as lines of text, each ending in a newline.
  public func render(_ report: EvaluationReport) -> String {
    var lines: [String] = []
    var title = "Evaluation report"
    if let model = report.modelPath { title += " · model " + DisplayWidth.sanitized(model) }
    lines.append(ANSIStyle.bold.apply(truncatedPath(title, to: width), enabled: colors))
    for task in report.tasks {
      lines.append("")
      lines += taskLines(task)
    }
    lines.append("")
    lines += summaryLines(report)
    return fitted(lines).joined(separator: "\n") + "\n"
  }

  /// Only the summary table across tasks, for the end of a pipeline run.
  public func renderSummary(_ report: EvaluationReport) -> String {
    fitted(summaryLines(report)).joined(separator: "\n") + "\n"
  }

  /// A section rule: `━━ name ━━━━…` across the full width.
  func rule(_ name: String) -> String {
    let label = "━━ " + DisplayWidth.truncate(DisplayWidth.sanitized(name), to: width - 8) + " "
    let fill = String(repeating: "━", count: max(0, width - DisplayWidth.of(label)))
    return ANSIStyle.bold.apply(label + fill, enabled: colors)
  }

  private func taskLines(_ task: TaskReport) -> [String] {
    let metrics = task.metrics
    let baseline = task.majorityBaseline
    let accuracyStyle: ANSIStyle = task.isNoBetterThanBaseline ? .bad : .good
    var lines = [rule(task.name)]
    lines.append("  file      " + truncatedPath(DisplayWidth.sanitized(task.file), to: width - 12))
    if let multiLabel = task.multiLabel {
      return lines + multiLabelLines(multiLabel, task: task) + decisionLines(task)
    }
    lines.append(
      "  examples  \(ReportNumberFormat.count(metrics.examples))   accuracy "
        + accuracyStyle.apply(ReportNumberFormat.percent(metrics.accuracy), enabled: colors)
        + "   macro-F1 \(ReportNumberFormat.score(metrics.macroF1))"
        + "   weighted F1 \(ReportNumberFormat.score(metrics.weightedF1))")
    let before = "  baseline  \(ReportNumberFormat.percent(baseline.accuracy)) always answering \""
    let after = "\" (majority label in \(baseline.source) data)"
    let room = width - DisplayWidth.of(before) - DisplayWidth.of(after)
    lines.append(
      before + DisplayWidth.truncate(DisplayWidth.sanitized(baseline.label), to: room) + after)
    if let selection = task.selection {
      lines.append(
        "  selected  on "
          + DisplayWidth.truncate(
            DisplayWidth.sanitized(selection.metric.description), to: width - 24)
          + " \(ReportNumberFormat.score(selection.value))")
    }
    lines += decisionLines(task)
    if task.isNoBetterThanBaseline {
      let warning = "  !! WARNING: " + DisplayWidth.sanitized(task.baselineWarning)
      lines.append(
        ANSIStyle.warning.apply(DisplayWidth.truncate(warning, to: width), enabled: colors))
    }
    lines.append("")
    let shown = LabelFolding.shown(classes: metrics.classes.count, limit: Self.classRowLimit) {
      metrics.classes[$0].support
    }
    lines += classTable(shown.map { metrics.classes[$0] }).lines(indent: 2, colors: colors)
    if let note = LabelFolding.note(hidden: metrics.classes.count - shown.count, shown: shown.count)
    {
      lines += wordWrapped(note, indent: "  ", continuation: "    ")
    }
    lines.append("")
    lines += confusionLines(task.confusion)
    if !task.unseenLabels.isEmpty {
      lines.append("")
      let items = task.unseenLabels.map {
        "\"\(DisplayWidth.truncate(DisplayWidth.sanitized($0.label), to: 40))\" ×\($0.examples)"
      }
      lines += wrapped(
        "unseen test labels (not in training, always counted wrong):",
        items: LabelFolding.truncated(items, limit: Self.classRowLimit), indent: 2)
    }
    return lines
  }

  private func classTable(_ classes: [TaskMetrics.ClassMetrics]) -> TextTable {
    var table = TextTable(columns: [
      .init(header: "label", alignment: .left, maximumWidth: min(40, width - 40)),
      .init(header: "precision", alignment: .right),
      .init(header: "recall", alignment: .right),
      .init(header: "F1", alignment: .right),
      .init(header: "support", alignment: .right),
    ])
    for row in classes {
      table.append([
        row.label, ReportNumberFormat.score(row.precision), ReportNumberFormat.score(row.recall),
        ReportNumberFormat.score(row.f1), ReportNumberFormat.count(row.support),
      ])
    }
    return table
  }

  private func summaryLines(_ report: EvaluationReport) -> [String] {
    var table = TextTable(columns: [
      .init(header: "task", alignment: .left, maximumWidth: 40),
      .init(header: "examples", alignment: .right),
      .init(header: "accuracy", alignment: .right),
      .init(header: "macro-F1", alignment: .right),
      .init(header: "baseline", alignment: .right),
    ])
    for task in report.tasks {
      table.rows.append([
        .init(text: task.name), .init(text: ReportNumberFormat.count(task.metrics.examples)),
        .init(
          text: ReportNumberFormat.percent(task.metrics.accuracy),
          style: task.isNoBetterThanBaseline ? .bad : .good),
        .init(text: ReportNumberFormat.score(task.metrics.macroF1)),
        .init(
          text: task.multiLabel == nil
            ? ReportNumberFormat.percent(task.majorityBaseline.accuracy) : "—"),
      ])
    }
    if report.tasks.count > 1 {
      let summary = report.summary
      table.rows.append([
        .init(text: "mean", style: .bold), .init(text: ""),
        .init(text: ReportNumberFormat.percent(summary.accuracy), style: .bold),
        .init(text: ReportNumberFormat.score(summary.macroF1), style: .bold), .init(text: ""),
      ])
    }
    let selections = report.tasks.compactMap { task in
      task.selection.map {
        "\(task.name) \($0.metric) \(ReportNumberFormat.score($0.value))"
      }
    }
    let advice = (report.history?.advice ?? []).flatMap { line in
      wordWrapped("note: " + DisplayWidth.sanitized(line), indent: "  ", continuation: "        ")
        .map {
          ANSIStyle.warning.apply($0, enabled: colors)
        }
    }
    let choice = (report.history?.characterNgrams).map {
      wordWrapped("chosen on dev: " + $0.description, indent: "  ", continuation: "        ")
    }
    let kept = (report.history?.selectionNote(order: report.tasks.map(\.name))).map {
      wordWrapped(DisplayWidth.sanitized($0), indent: "  ", continuation: "    ")
    }
    return [rule("summary")] + table.lines(indent: 2, colors: colors)
      + (selections.isEmpty ? [] : wrapped("selected on:", items: selections, indent: 2))
      + (kept ?? []) + (choice ?? []) + advice
  }

  /// `text` broken at spaces to fit the width, the first line starting with `indent` and
  /// the others with `continuation`.
  func wordWrapped(_ text: String, indent: String, continuation: String) -> [String] {
    var lines: [String] = []
    var current = indent
    var empty = true
    for word in text.split(separator: " ") {
      let candidate = empty ? current + word : current + " " + word
      if !empty && DisplayWidth.of(candidate) > width {
        lines.append(current)
        current = continuation + word
      } else {
        current = candidate
      }
      empty = false
    }
    lines.append(current)
    return lines
  }

  /// `heading` followed by `items` separated by commas, wrapped to the width.
  func wrapped(_ heading: String, items: [String], indent: Int) -> [String] {
    let prefix = String(repeating: " ", count: indent)
    var lines = [prefix + heading]
    var current = prefix + "  "
    for (index, item) in items.enumerated() {
      let piece = item + (index < items.count - 1 ? "," : "")
      if DisplayWidth.of(current) + DisplayWidth.of(piece) + 1 > width,
        current.contains(where: { $0 != " " })
      {
        lines.append(current)
        current = prefix + "  "
      }
      current += (current.last == " " ? "" : " ") + piece
    }
    lines.append(current)
    return lines
  }

  /// A path cut from the front, since its end (the file name) is what tells files apart.
  private func truncatedPath(_ path: String, to limit: Int) -> String {
    guard DisplayWidth.of(path) > limit else { return path }
    let tail = DisplayWidth.truncate(String(path.reversed()), to: limit)
    return String(tail.dropLast().reversed()).isEmpty
      ? "…" : "…" + String(tail.dropLast().reversed())
  }
}
