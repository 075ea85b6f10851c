import Foundation

/// Writes a ``ComparisonReport`` as a terminal table, JSON, Markdown or a self-contained
/// HTML page.
public struct ComparisonRenderer: Sendable {
  /// Whether the text form may use ANSI colours.
  public var colors: Bool

  /// Creates a renderer.
  public init(colors: Bool = false) { self.colors = colors }

  /// The report in `format`.
  public func render(_ report: ComparisonReport, as format: ReportFormat) throws -> [UInt8] {
    switch format {
    case .text: return Array(text(report).utf8)
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      return Array(try encoder.encode(report)) + [10]
    case .markdown: return Array(markdown(report).utf8)
    case .html: return Array(html(report).utf8)
    }
  }

  /// The comparison for a terminal: a row per task with both accuracies, the change with
  /// its 95% paired bootstrap interval and McNemar's p-value, and the change in macro-F1;
  /// then the means.
  public func text(_ report: ComparisonReport) -> String {
    var table = TextTable(columns: [
      .init(header: "task", alignment: .left, maximumWidth: 30),
      .init(header: "examples", alignment: .right),
      .init(header: "single", alignment: .right),
      .init(header: "multi", alignment: .right),
      .init(header: "Δ acc", alignment: .right),
      .init(header: "95% interval", alignment: .right),
      .init(header: "p", alignment: .right),
      .init(header: "Δ macro-F1", alignment: .right),
      .init(header: "", alignment: .left),
    ])
    for row in report.rows {
      table.rows.append([
        .init(text: row.task), .init(text: ReportNumberFormat.count(row.examples)),
        .init(text: ReportNumberFormat.percent(row.single.accuracy)),
        .init(text: ReportNumberFormat.percent(row.multi.accuracy)),
        .init(
          text: Self.points(row.accuracyChange),
          style: row.isNegativeTransfer ? .bad : (row.accuracyChange > 0 ? .good : .plain)),
        .init(text: row.paired.map(Self.interval) ?? ""),
        .init(text: row.paired.map { Self.pValue($0.pValue) } ?? ""),
        .init(text: Self.signed(row.macroF1Change, digits: 3)),
        .init(text: row.isNegativeTransfer ? "negative transfer" : "", style: .bad),
      ])
    }
    let mean = report.meanAccuracy
    let meanF1 = report.meanMacroF1
    table.rows.append([
      .init(text: "mean", style: .bold), .init(text: ""),
      .init(text: ReportNumberFormat.percent(mean.single), style: .bold),
      .init(text: ReportNumberFormat.percent(mean.multi), style: .bold),
      .init(text: Self.points(mean.multi - mean.single), style: .bold),
      .init(text: ""), .init(text: ""),
      .init(text: Self.signed(meanF1.multi - meanF1.single, digits: 3), style: .bold),
      .init(text: ""),
    ])
    var lines = [
      "single-task against multi-task test scores", "  " + report.settings.description, "",
    ]
    lines += table.lines(indent: 2, colors: colors)
    lines.append("")
    lines.append("  Δ acc in points; interval: 95% paired bootstrap; p: McNemar's exact test;")
    lines.append("  negative transfer only when multi is worse at p < 0.05")
    lines.append(
      "  joint training took " + ReportNumberFormat.decimal(report.jointSeconds, digits: 1)
        + " s; the single-task runs " + ReportNumberFormat.decimal(report.singleSeconds, digits: 1)
        + " s together")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The comparison as Markdown.
  public func markdown(_ report: ComparisonReport) -> String {
    var lines = [
      "## Single-task vs multi-task", "", "Settings: \(report.settings.description).", "",
      "| task | examples | single acc | multi acc | Δ acc (points) | 95% interval | p "
        + "| Δ macro-F1 | |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in report.rows {
      lines.append(
        "| \(Self.markdownEscape(row.task)) | \(ReportNumberFormat.count(row.examples)) | "
          + "\(ReportNumberFormat.percent(row.single.accuracy)) | "
          + "\(ReportNumberFormat.percent(row.multi.accuracy)) | "
          + "\(Self.points(row.accuracyChange)) | "
          + "\(row.paired.map(Self.interval) ?? "") | "
          + "\(row.paired.map { Self.pValue($0.pValue) } ?? "") | "
          + "\(Self.signed(row.macroF1Change, digits: 3)) | "
          + (row.isNegativeTransfer ? "⚠ negative transfer" : "") + " |")
    }
    let mean = report.meanAccuracy
    let meanF1 = report.meanMacroF1
    lines.append(
      "| **mean** | | **\(ReportNumberFormat.percent(mean.single))** | "
        + "**\(ReportNumberFormat.percent(mean.multi))** | "
        + "**\(Self.points(mean.multi - mean.single))** | | | "
        + "**\(Self.signed(meanF1.multi - meanF1.single, digits: 3))** | |")
    lines += [
      "",
      "Δ acc in points; interval: 95% paired bootstrap over the test documents; p: McNemar's"
        + " exact test; negative transfer is flagged only when the multi-task model is worse at"
        + " p < 0.05.", "",
    ]
    if let run = report.run { lines += run.markdown() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The comparison as a self-contained HTML page, with a bar per task diverging from zero.
  public func html(_ report: ComparisonReport) -> String {
    let mean = report.meanAccuracy
    let meanF1 = report.meanMacroF1
    let largest = max(0.001, report.rows.map { abs($0.accuracyChange) }.max() ?? 0.001)
    var rows: [String] = []
    for row in report.rows {
      let half = abs(row.accuracyChange) / largest * 50
      let left = row.accuracyChange < 0 ? 50 - half : 50
      let kind = row.isNegativeTransfer ? "down" : (row.accuracyChange < 0 ? "flat" : "up")
      let bar =
        "<span class=\"diverging\"><span class=\"zero\"></span><span class=\"bar \(kind)\" "
        + "style=\"left: \(ReportNumberFormat.decimal(left, digits: 1))%; width: "
        + "\(ReportNumberFormat.decimal(half, digits: 1))%\"></span></span>"
      rows.append(
        "<tr><td>\(HTMLEscaping.escape(row.task))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.count(row.examples))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.percent(row.single.accuracy))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.percent(row.multi.accuracy))</td>"
          + "<td class=\"num \(row.isNegativeTransfer ? "bad" : "")\">"
          + "\(Self.points(row.accuracyChange))</td><td>\(bar)</td>"
          + "<td class=\"num\">\(row.paired.map(Self.interval) ?? "")</td>"
          + "<td class=\"num\">\(row.paired.map { Self.pValue($0.pValue) } ?? "")</td>"
          + "<td class=\"num\">\(Self.signed(row.macroF1Change, digits: 3))</td>"
          + "<td>\(row.isNegativeTransfer ? "<span class=\"flag\">negative transfer</span>" : "")"
          + "</td></tr>")
    }
    let run = report.run.map { $0.html().joined(separator: "\n") } ?? ""
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Single-task vs multi-task</title>
      <style>
      \(HTMLStyleSheet.css)
      .diverging { position: relative; display: inline-block; width: 120px; height: 12px; }
      .diverging .zero { position: absolute; left: 50%; top: 0; bottom: 0; width: 1px;
        background: currentColor; opacity: .4; }
      .diverging .bar { position: absolute; top: 1px; height: 10px; border-radius: 2px; }
      .bar.up { background: var(--good); }
      .bar.flat { background: currentColor; opacity: .35; }
      .bar.down { background: var(--bad); }
      </style>
      </head>
      <body>
      <main>
      <header><h1>Single-task vs multi-task</h1>
      <p>\(HTMLEscaping.escape(report.settings.description))</p>
      <p>Mean test accuracy \(ReportNumberFormat.percent(mean.single)) alone,
      \(ReportNumberFormat.percent(mean.multi)) together
      (\(Self.points(mean.multi - mean.single)) points).</p></header>
      \(run)
      <section class="summary">
      <div class="table-wrap"><table>
      <thead><tr><th>Task</th><th class="num">Examples</th><th class="num">Single acc</th>
      <th class="num">Multi acc</th><th class="num">Δ acc</th><th></th>
      <th class="num">95% interval</th><th class="num">p</th><th class="num">Δ macro-F1</th>
      <th></th></tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody>
      <tfoot><tr><th>Mean</th><td></td><td class="num">\(ReportNumberFormat.percent(mean.single))</td>
      <td class="num">\(ReportNumberFormat.percent(mean.multi))</td>
      <td class="num">\(Self.points(mean.multi - mean.single))</td><td></td><td></td><td></td>
      <td class="num">\(Self.signed(meanF1.multi - meanF1.single, digits: 3))</td><td></td></tr></tfoot>
      </table></div>
      <p>Δ in accuracy points; the bar diverges from zero (green: better together, grey: worse
      but within chance, red: significantly worse). Interval: 95% paired bootstrap over the test
      documents. p: McNemar's exact test on the documents only one model gets right.</p>
      </section>
      <footer>Written by mtl · comparison schema \(ComparisonReport.currentSchemaVersion)</footer>
      </main>
      </body>
      </html>

      """
  }

  /// A fraction as signed points: `+1.3`.
  static func points(_ fraction: Double) -> String { signed(fraction * 100, digits: 1) }

  /// An interval of fractions as points: `[−0.4, +1.1]`.
  static func interval(_ paired: PairedDifference) -> String {
    "[" + points(paired.lower) + ", " + points(paired.upper) + "]"
  }

  /// A p-value, `<0.001` below a thousandth.
  static func pValue(_ value: Double) -> String {
    value < 0.001 ? "<0.001" : ReportNumberFormat.decimal(value, digits: 3)
  }

  static func signed(_ value: Double, digits: Int) -> String {
    (value >= 0 ? "+" : "−") + ReportNumberFormat.decimal(abs(value), digits: digits)
  }

  static func markdownEscape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
