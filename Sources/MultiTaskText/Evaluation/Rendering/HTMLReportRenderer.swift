/// Writes a report as one self-contained HTML page: inline CSS and SVG, no scripts, and no
/// remote fonts, styles or images, so it can be attached to a ticket, opened offline or printed.
///
/// The page holds a summary table across tasks, training curves when the report has a history,
/// and one section per task with its metrics, per-class table and confusion heat map. Every
/// piece of data (labels, task names, paths) is escaped; labels may hold `<`, `&`, quotes, CJK
/// or emoji.
public struct HTMLReportRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The page, as a complete HTML document.
  public func render(_ report: EvaluationReport) -> String {
    var parts = [
      "<!DOCTYPE html>",
      "<html lang=\"en\">",
      "<head>",
      "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<meta name=\"generator\" content=\"mtl\">",
      "<title>\(HTMLEscaping.escape(pageTitle(report)))</title>",
      "<style>", HTMLStyleSheet.css + HTMLMistakesSection.css(for: report), "</style>",
      "</head>",
      "<body>",
      "<main>",
    ]
    parts += header(report) + (report.run?.html() ?? []) + summary(report)
    if let history = report.history {
      parts += HTMLHistorySection(report: report, history: history).html()
    }
    if let tuning = report.tuning {
      parts += HTMLTuningSection(tuning: tuning).html()
    }
    for (index, task) in report.tasks.enumerated() {
      if let multiLabel = task.multiLabel {
        parts += HTMLMultiLabelSection(task: task, report: multiLabel, anchor: Self.anchor(index))
          .html()
      } else {
        var section = HTMLTaskSection(task: task, anchor: Self.anchor(index)).html()
        if let calibration = task.calibration {
          section.insert(
            contentsOf: HTMLReliabilityDiagram(calibration: calibration).html(),
            at: section.count - 1)
        }
        parts += section
      }
      parts += HTMLMistakesSection(task: task, anchor: Self.anchor(index) + "-mistakes").html()
    }
    parts += [
      "<footer>Written by mtl · report schema \(EvaluationReport.currentSchemaVersion)</footer>"
    ]
    parts += ["</main>", "</body>", "</html>"]
    return parts.joined(separator: "\n") + "\n"
  }

  /// The id of task `index`'s section; indexes, because task names may hold any character.
  static func anchor(_ index: Int) -> String { "task-\(index + 1)" }

  private func pageTitle(_ report: EvaluationReport) -> String {
    let names = report.tasks.map(\.name).joined(separator: ", ")
    return "Evaluation report" + (names.isEmpty ? "" : " — " + names)
  }

  private func header(_ report: EvaluationReport) -> [String] {
    let examples = report.tasks.reduce(0) { $0 + $1.metrics.examples }
    var facts = [
      "\(report.tasks.count) task\(report.tasks.count == 1 ? "" : "s")",
      "\(ReportNumberFormat.count(examples)) test examples",
    ]
    if let history = report.history {
      facts.append(
        "trained \(history.epochs.count) epochs in \(ReportNumberFormat.decimal(history.seconds, digits: 1)) s"
      )
    }
    var lines = ["<header>", "<h1>Evaluation report</h1>"]
    if let model = report.modelPath {
      lines.append("<p class=\"model\">Model <code>\(HTMLEscaping.escape(model))</code></p>")
    }
    lines.append(
      "<p class=\"facts\">\(facts.map(HTMLEscaping.escape).joined(separator: " · "))</p>")
    return lines + ["</header>"]
  }

  private func summary(_ report: EvaluationReport) -> [String] {
    var lines = [
      "<section class=\"summary\">", "<h2>Summary</h2>", "<div class=\"table-wrap\">",
      "<table class=\"stack\">",
      "<thead><tr><th>Task</th><th class=\"num\">Examples</th><th class=\"num\">Accuracy</th>"
        + "<th class=\"num\">Macro-F1</th><th class=\"num\">Weighted F1</th>"
        + "<th>Majority baseline</th></tr></thead>",
      "<tbody>",
    ]
    for (index, task) in report.tasks.enumerated() {
      // A multi-label task has no majority baseline to colour its (subset) accuracy against.
      let quality =
        task.multiLabel != nil ? "" : task.isNoBetterThanBaseline ? " bad" : " good"
      let warning =
        task.isNoBetterThanBaseline ? " <span class=\"flag\">no better than baseline</span>" : ""
      lines.append(
        "<tr><td><a href=\"#\(Self.anchor(index))\">\(HTMLEscaping.escape(task.name))</a>\(warning)</td>"
          + "<td class=\"num\" data-label=\"Examples\">"
          + "\(ReportNumberFormat.count(task.metrics.examples))</td>"
          + "<td class=\"num\(quality)\" data-label=\"Accuracy\">"
          + "\(ReportNumberFormat.percent(task.metrics.accuracy))</td>"
          + "<td class=\"num\" data-label=\"Macro-F1\">"
          + "\(ReportNumberFormat.score(task.metrics.macroF1))</td>"
          + "<td class=\"num\" data-label=\"Weighted F1\">"
          + "\(ReportNumberFormat.score(task.metrics.weightedF1))</td>"
          + (task.multiLabel == nil
            ? "<td data-label=\"Majority baseline\">"
              + "\(ReportNumberFormat.percent(task.majorityBaseline.accuracy)) "
              + "<span class=\"muted\">(\(HTMLEscaping.escape(task.majorityBaseline.label)))</span>"
              + "</td></tr>"
            : "<td data-label=\"Majority baseline\"><span class=\"muted\""
              + " title=\"multi-label: accuracy is subset accuracy\">"
              + "—</span></td></tr>")
      )
    }
    lines.append("</tbody>")
    if report.tasks.count > 1 {
      let summary = report.summary
      lines.append(
        "<tfoot><tr><td>Mean</td><td></td><td class=\"num\" data-label=\"Accuracy\">"
          + "\(ReportNumberFormat.percent(summary.accuracy))</td><td class=\"num\""
          + " data-label=\"Macro-F1\">\(ReportNumberFormat.score(summary.macroF1))</td>"
          + "<td></td><td></td></tr></tfoot>"
      )
    }
    lines += ["</table>", "</div>"]
    lines.append(
      "<p class=\"legend-note\">Accuracy is <span class=\"good\">green</span> when it is above"
        + " the task's majority baseline (always answering its most frequent training label) and"
        + " <span class=\"bad\">red</span> when it is not. In the confusion matrices blue marks"
        + " right answers and red the errors, shaded by their share of the row.</p>")
    let selections = report.tasks.compactMap { task in
      task.selection.map {
        HTMLEscaping.escape(task.name) + " on <code>" + HTMLEscaping.escape($0.metric.description)
          + "</code>: " + ReportNumberFormat.score($0.value)
      }
    }
    if !selections.isEmpty {
      lines.append("<p>Selected on: " + selections.joined(separator: "; ") + "</p>")
    }
    if let choice = report.history?.characterNgrams {
      lines.append("<p>Chosen on dev: " + HTMLEscaping.escape(choice.description) + "</p>")
    }
    for advice in report.history?.advice ?? [] {
      lines.append("<p class=\"warning\"><strong>Note:</strong> \(HTMLEscaping.escape(advice))</p>")
    }
    return lines + ["</section>"]
  }
}
