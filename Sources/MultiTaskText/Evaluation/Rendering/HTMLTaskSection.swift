/// One task's section of the HTML report: metrics, per-class table and confusion heat map.
struct HTMLTaskSection {
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
    if !task.unseenLabels.isEmpty {
      let items = task.unseenLabels.map {
        "<li><span class=\"label-chip\">\(HTMLEscaping.escape($0.label))</span> "
          + "\(ReportNumberFormat.count($0.examples)) example\($0.examples == 1 ? "" : "s")</li>"
      }
      lines.append(
        "<div class=\"unseen\"><p>Test labels never seen in training (always counted wrong):</p>")
      lines.append("<ul>" + items.joined() + "</ul></div>")
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
    for row in task.metrics.classes {
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
    return lines + ["</tbody>", "</table>", "</div>"]
  }
}
