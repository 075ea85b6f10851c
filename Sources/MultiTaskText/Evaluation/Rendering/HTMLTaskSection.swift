/// One task's section of the HTML report: metrics, per-class table and confusion heat map.
struct HTMLTaskSection {
  /// At most this many per-class rows; past it, the labels with the most test documents are
  /// shown and a line says how many more there are.
  static let classRowLimit = 100

  let task: TaskReport
  let anchor: String

  func html() -> [String] {
    var lines = ["<section class=\"task\" id=\"\(anchor)\">"]
    lines.append(
      "<h2>\(HTMLEscaping.escape(task.name)) <span class=\"file\">\(HTMLEscaping.escape(task.file))</span></h2>"
    )
    lines += metrics()
    if let abstention = task.abstention, abstention.abstains {
      lines.append(
        "<p>Answered \(ReportNumberFormat.percent(abstention.coverage)) of the documents, with"
          + " accuracy \(ReportNumberFormat.percent(abstention.answeredAccuracy)) on them ("
          + "\(ReportNumberFormat.count(abstention.noKnownTokens)) without a known token, "
          + "\(ReportNumberFormat.count(abstention.belowMinimum)) below the minimum"
          + " probability).</p>")
    }
    if task.isNoBetterThanBaseline {
      lines.append(
        "<p class=\"warning\"><strong>No better than the baseline:</strong> "
          + "\(HTMLEscaping.escape(task.baselineWarning)).</p>")
    }
    lines.append("<div class=\"task-body\">")
    lines += classTable()
    lines.append("<figure class=\"heatmap\">")
    lines.append(ConfusionHeatMap(task.confusion).svg())
    lines.append(
      "<figcaption>Confusion matrix: rows are true labels, columns predicted labels; "
        + "cells shaded by share of the row (blue correct, red errors).\(hiddenNote())</figcaption>"
    )
    lines.append("</figure>")
    lines.append("</div>")
    lines += topConfusions()
    if !task.unseenLabels.isEmpty {
      let unseen = task.unseenLabels
      let items = unseen.prefix(Self.classRowLimit).map {
        "<li><span class=\"label-chip\">\(HTMLEscaping.escape($0.label))</span> "
          + "\(ReportNumberFormat.count($0.examples)) example\($0.examples == 1 ? "" : "s")</li>"
      }
      lines.append(
        "<div class=\"unseen\"><p>Test labels never seen in training (always counted wrong):</p>")
      let more =
        unseen.count > Self.classRowLimit
        ? ["<li>… \(ReportNumberFormat.count(unseen.count - Self.classRowLimit)) more</li>"] : []
      lines.append("<ul>" + (items + more).joined() + "</ul></div>")
    }
    return lines + ["</section>"]
  }

  private func hiddenNote() -> String {
    let hidden = CondensedConfusion(task.confusion, limit: ConfusionHeatMap.classLimit)
      .hiddenClassCount
    return hidden > 0 ? " The \(hidden) smallest classes are folded into “other”." : ""
  }

  private func metrics() -> [String] {
    let metrics = task.metrics
    let baseline = task.majorityBaseline
    let quality = task.isNoBetterThanBaseline ? "bad" : "good"
    func stat(_ name: String, _ value: String, _ extra: String = "", note: String = "") -> String {
      "<div class=\"stat\(extra)\"><span class=\"stat-name\">\(name)</span>"
        + "<span class=\"stat-value\">\(value)</span>"
        + (note.isEmpty ? "" : "<span class=\"stat-note\">\(note)</span>") + "</div>"
    }
    return [
      "<div class=\"stats\">",
      stat("Accuracy", ReportNumberFormat.percent(metrics.accuracy), " " + quality),
      stat("Macro-F1", ReportNumberFormat.score(metrics.macroF1)),
      stat("Weighted F1", ReportNumberFormat.score(metrics.weightedF1)),
      stat(
        "Majority baseline", ReportNumberFormat.percent(baseline.accuracy),
        note:
          "always “\(HTMLEscaping.escape(DisplayWidth.truncate(baseline.label, to: 28)))”, from \(baseline.source) data"
      ),
      stat("Examples", ReportNumberFormat.count(metrics.examples)),
      "</div>",
    ]
  }

  private func classTable() -> [String] {
    var lines = [
      "<div class=\"table-wrap classes\">", "<table>",
      "<thead><tr><th>Label</th><th class=\"num\">Precision</th><th class=\"num\">Recall</th>"
        + "<th class=\"num\">F1</th><th class=\"num\">Support</th></tr></thead>",
      "<tbody>",
    ]
    let unseen = Set(task.confusion.unseenLabels)
    let classes = task.metrics.classes
    let shown = LabelFolding.shown(classes: classes.count, limit: Self.classRowLimit) {
      classes[$0].support
    }
    for row in shown.map({ classes[$0] }) {
      let percent = ReportNumberFormat.decimal(max(0, min(1, row.f1)) * 100, digits: 1)
      let tag = unseen.contains(row.label) ? " <span class=\"flag\">unseen</span>" : ""
      lines.append(
        "<tr><td class=\"label\">\(HTMLEscaping.escape(row.label))\(tag)</td>"
          + "<td class=\"num\">\(ReportNumberFormat.score(row.precision))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.score(row.recall))</td>"
          + "<td class=\"num f1\"><span class=\"meter\"><span style=\"width:\(percent)%\"></span></span>"
          + "\(ReportNumberFormat.score(row.f1))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.count(row.support))</td></tr>")
    }
    lines.append("</tbody>")
    lines.append("<tfoot>" + averageRows(task.metrics.classes).joined() + "</tfoot>")
    lines.append("</table>")
    if let note = LabelFolding.note(hidden: classes.count - shown.count, shown: shown.count) {
      lines.append("<p class=\"muted folded\">\(HTMLEscaping.escape(note))</p>")
    }
    return lines + ["</div>"]
  }

  /// The macro and support-weighted averages of the per-class rows, as scikit-learn's
  /// classification report ends.
  private func averageRows(_ classes: [TaskMetrics.ClassMetrics]) -> [String] {
    let present = classes.filter { $0.support > 0 || $0.precision > 0 }
    let total = classes.map(\.support).reduce(0, +)
    guard !present.isEmpty, total > 0 else { return [] }
    func mean(_ value: (TaskMetrics.ClassMetrics) -> Double) -> Double {
      present.map(value).reduce(0, +) / Double(present.count)
    }
    func weighted(_ value: (TaskMetrics.ClassMetrics) -> Double) -> Double {
      classes.map { value($0) * Double($0.support) }.reduce(0, +) / Double(total)
    }
    return [
      ("macro average", mean(\.precision), mean(\.recall), mean(\.f1)),
      ("weighted average", weighted(\.precision), weighted(\.recall), weighted(\.f1)),
    ].map { name, precision, recall, f1 in
      "<tr class=\"average\"><th scope=\"row\">\(name)</th>"
        + "<td class=\"num\">\(ReportNumberFormat.score(precision))</td>"
        + "<td class=\"num\">\(ReportNumberFormat.score(recall))</td>"
        + "<td class=\"num\">\(ReportNumberFormat.score(f1))</td>"
        + "<td class=\"num\">\(ReportNumberFormat.count(total))</td></tr>"
    }
  }

  /// The largest off-diagonal cells, most frequent first: the mistakes worth reading.
  func topConfusions(limit: Int = 8) -> [String] {
    let matrix = task.confusion
    let top = matrix.topConfusions(limit: limit)
    guard !top.isEmpty else { return [] }
    let items = top.map { cell in
      let support = matrix.rowTotals[cell.truth]
      let share = support > 0 ? Double(cell.count) / Double(support) : 0
      return "<li><strong>\(HTMLEscaping.escape(matrix.labels[cell.truth]))</strong> taken for "
        + "<strong>\(HTMLEscaping.escape(matrix.labels[cell.predicted]))</strong>: "
        + "\(ReportNumberFormat.count(cell.count)) (\(ReportNumberFormat.percent(share)) of its"
        + " documents)</li>"
    }
    return ["<p>Top confusions:</p>", "<ol class=\"confusions\">"] + items + ["</ol>"]
  }
}
