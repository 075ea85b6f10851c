/// The tuning section of the HTML report: why the kept trial was kept, every trial's dev
/// score against the time it finished with the one-standard-error band drawn, the kept
/// settings, and a table of the trials.
struct HTMLTuningSection {
  /// At most this many rows in the trials table; `trials.jsonl` and `report.json` hold all.
  static let rowLimit = 50

  let tuning: TuningSummary

  func html() -> [String] {
    var lines = ["<section class=\"tuning\">", "<h2>Tuning</h2>"]
    lines.append("<p class=\"muted\">\(HTMLEscaping.escape(TuningExplanation.counts(tuning)))</p>")
    lines.append("<p>\(HTMLEscaping.escape(TuningExplanation.reason(tuning)))</p>")
    lines.append("<figure class=\"tuning-chart\">")
    lines.append(TuningScatter(tuning: tuning).svg())
    lines.append(
      "<figcaption>Dev score of each trial against the time it finished. The shaded band holds"
        + " the trials within one standard error of the top; the ringed point is the kept"
        + " trial.</figcaption>")
    lines.append("</figure>")
    if tuning.bestSettings.isEmpty {
      lines.append("<p>The kept trial is the configuration as given.</p>")
    } else {
      lines.append("<p>Settings of the kept trial (trial \(tuning.best)):</p><ul>")
      for setting in tuning.bestSettings {
        lines.append("<li><code>\(HTMLEscaping.escape(setting))</code></li>")
      }
      lines.append("</ul>")
    }
    return lines + table() + ["</section>"]
  }

  private func table() -> [String] {
    let rows = TuningExplanation.rows(tuning, limit: Self.rowLimit)
    let headers = [
      ("Trial", ""), ("Dev score", "num"), ("Within 1 SE", ""), ("Model size", "num"),
      ("Seconds", "num"), ("Epochs", "num"), ("Settings", ""),
    ]
    var lines = [
      "<div class=\"table-wrap\">", "<table class=\"trials stack\">",
      "<thead><tr>"
        + headers.map { "<th\($0.1.isEmpty ? "" : " class=\"\($0.1)\"")>\($0.0)</th>" }.joined()
        + "</tr></thead>", "<tbody>",
    ]
    for point in rows {
      let kept = point.trial == tuning.best
      let mark =
        kept
        ? " <span class=\"chip kept\">kept</span>"
        : (point.trial == tuning.top ? " <span class=\"chip\">top</span>" : "")
      let cells = [
        ("Trial", "", "\(point.trial)\(mark)"),
        ("Dev score", "num", HTMLEscaping.escape(TuningExplanation.outcome(point))),
        ("Within 1 SE", "", tuning.isWithinOneStandardError(point) ? "yes" : ""),
        ("Model size", "num", TuningExplanation.size(point.parameters)),
        ("Seconds", "num", ReportNumberFormat.decimal(point.seconds, digits: 1)),
        ("Epochs", "num", TuningExplanation.epochs(point)),
        (
          "Settings", "settings",
          "<code>\(HTMLEscaping.escape(TuningExplanation.settingsText(point)))</code>"
        ),
      ]
      lines.append(
        "<tr\(kept ? " class=\"kept\"" : "")>"
          + cells.map { label, style, value in
            "<td data-label=\"\(label)\"\(style.isEmpty ? "" : " class=\"\(style)\"")>\(value)</td>"
          }.joined() + "</tr>")
    }
    lines += ["</tbody>", "</table>", "</div>"]
    if tuning.trials.count > rows.count {
      lines.append(
        "<p class=\"muted\">The \(rows.count) best of \(tuning.trials.count) trials;"
          + " <code>trials.jsonl</code> and <code>report.json</code> list every one.</p>")
    }
    return lines
  }
}
