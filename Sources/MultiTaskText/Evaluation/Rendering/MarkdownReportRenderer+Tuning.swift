import Foundation

/// The tuning section of a Markdown report: how the kept trial was chosen, its settings, and
/// a table of the trials, best first.
extension MarkdownReportRenderer {
  /// At most this many rows in the trials table.
  static let trialRowLimit = 20

  func tuningLines(_ tuning: TuningSummary) -> [String] {
    var lines = [
      "### Tuning", "", Self.escape(TuningExplanation.counts(tuning)), "",
      Self.escape(TuningExplanation.reason(tuning)), "",
    ]
    if tuning.bestSettings.isEmpty {
      lines += ["The kept trial is the configuration as given.", ""]
    } else {
      lines += ["Settings of the kept trial (trial \(tuning.best)):", ""]
      lines += tuning.bestSettings.map { "- `\($0)`" } + [""]
    }
    lines += [
      Self.row(["Trial", "Dev score", "Within 1 SE", "Model size", "Seconds", "Epochs", "Settings"]
      ),
      "|--:|--:|:--|--:|--:|--:|:--|",
    ]
    let rows = TuningExplanation.rows(tuning, limit: Self.trialRowLimit)
    for point in rows {
      let mark = point.trial == tuning.best ? " (kept)" : point.trial == tuning.top ? " (top)" : ""
      lines.append(
        Self.row([
          "\(point.trial)\(mark)", TuningExplanation.outcome(point),
          tuning.isWithinOneStandardError(point) ? "yes" : "",
          TuningExplanation.size(point.parameters),
          ReportNumberFormat.decimal(point.seconds, digits: 1), TuningExplanation.epochs(point),
          "`" + TuningExplanation.settingsText(point).replacingOccurrences(of: "|", with: "\\|")
            + "`",
        ]))
    }
    if tuning.trials.count > rows.count {
      lines += [
        "",
        "The \(rows.count) best of \(tuning.trials.count) trials; `trials.jsonl` and"
          + " `report.json` list every one.",
      ]
    }
    return lines + [""]
  }
}
