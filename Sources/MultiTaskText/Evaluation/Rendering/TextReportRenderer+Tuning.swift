/// What `mtl tune` prints at the end: how the kept trial was chosen, its settings, and the
/// best trials as a table.
extension TextReportRenderer {
  /// The tuning summary for a terminal, fitted to the renderer's width.
  ///
  /// - Parameters:
  ///   - tuning: The search's trials and its choice.
  ///   - top: How many of the best trials the table shows.
  /// - Returns: Lines ending in a newline.
  public func renderTuning(_ tuning: TuningSummary, top: Int = 5) -> String {
    var lines = [rule("tuning")]
    lines += wordWrapped(TuningExplanation.counts(tuning), indent: "  ", continuation: "  ")
    lines += wordWrapped(TuningExplanation.reason(tuning), indent: "  ", continuation: "  ")
    if tuning.bestSettings.isEmpty {
      lines.append("  kept settings: the configuration as given (trial 1)")
    } else {
      lines.append("  kept settings (trial \(tuning.best)):")
      lines += tuning.bestSettings.map { "    " + DisplayWidth.sanitized($0) }
    }
    var table = TextTable(columns: [
      .init(header: "trial", alignment: .right),
      .init(header: "dev score", alignment: .right),
      .init(header: "1 SE", alignment: .left),
      .init(header: "size", alignment: .right),
      .init(header: "seconds", alignment: .right),
      .init(header: "settings", alignment: .left),
    ])
    let rows = TuningExplanation.rows(tuning, limit: top)
    for point in rows {
      let mark = point.trial == tuning.best ? " kept" : point.trial == tuning.top ? " top" : ""
      table.rows.append([
        .init(text: "\(point.trial)\(mark)", style: point.trial == tuning.best ? .bold : .plain),
        .init(text: TuningExplanation.outcome(point)),
        .init(text: tuning.isWithinOneStandardError(point) ? "yes" : ""),
        .init(text: TuningExplanation.size(point.parameters)),
        .init(text: ReportNumberFormat.decimal(point.seconds, digits: 1)),
        .init(text: TuningExplanation.settingsText(point)),
      ])
    }
    let fixed = table.columns.dropLast().count * 2 + 2
    let others = TextTable(
      columns: Array(table.columns.dropLast()),
      rows: table.rows.map {
        Array($0.dropLast())
      }
    ).width()
    table.columns[table.columns.count - 1].maximumWidth = max(12, width - others - fixed)
    let keptRanks = tuning.ranked.prefix(rows.count).contains { $0.trial == tuning.best }
    lines.append(
      keptRanks || rows.count < 2
        ? "  top \(rows.count) of \(tuning.trials.count) trials, best first:"
        : "  top \(rows.count - 1) of \(tuning.trials.count) trials, best first, then the kept one:"
    )
    lines += table.lines(indent: 2, colors: colors)
    return fitted(lines).joined(separator: "\n") + "\n"
  }
}
