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

  /// Aligned columns within 100 characters; tasks that lose accuracy are marked.
  public func text(_ report: ComparisonReport) -> String {
    var table = TextTable(columns: [
      .init(header: "task", alignment: .left, maximumWidth: 30),
      .init(header: "examples", alignment: .right),
      .init(header: "single acc", alignment: .right),
      .init(header: "multi acc", alignment: .right),
      .init(header: "Δ acc", alignment: .right),
      .init(header: "single F1", alignment: .right),
      .init(header: "multi F1", alignment: .right),
      .init(header: "", alignment: .left),
    ])
    for row in report.rows {
      table.rows.append([
        .init(text: row.task), .init(text: ReportNumberFormat.count(row.examples)),
        .init(text: ReportNumberFormat.percent(row.single.accuracy)),
        .init(text: ReportNumberFormat.percent(row.multi.accuracy)),
        .init(
          text: Self.signed(row.accuracyChange, digits: 1),
          style: row.isNegativeTransfer ? .bad : .good),
        .init(text: ReportNumberFormat.score(row.single.macroF1)),
        .init(text: ReportNumberFormat.score(row.multi.macroF1)),
        .init(text: row.isNegativeTransfer ? "negative transfer" : "", style: .bad),
      ])
    }
    let mean = report.meanAccuracy
    table.rows.append([
      .init(text: "mean", style: .bold), .init(text: ""),
      .init(text: ReportNumberFormat.percent(mean.single), style: .bold),
      .init(text: ReportNumberFormat.percent(mean.multi), style: .bold),
      .init(text: Self.signed((mean.multi - mean.single) * 100, digits: 1), style: .bold),
      .init(text: ""), .init(text: ""), .init(text: ""),
    ])
    var lines = ["single-task against multi-task test scores", "  " + report.settings, ""]
    lines += table.lines(indent: 2, colors: colors)
    lines.append("")
    lines.append(
      "  joint training took " + ReportNumberFormat.decimal(report.jointSeconds, digits: 1)
        + " s; the single-task runs " + ReportNumberFormat.decimal(report.singleSeconds, digits: 1)
        + " s together")
    return lines.joined(separator: "\n") + "\n"
  }

  /// GitHub-flavoured Markdown for a pull request.
  public func markdown(_ report: ComparisonReport) -> String {
    var lines = [
      "## Single-task vs multi-task", "", "Settings: \(report.settings).", "",
      "| task | examples | single acc | multi acc | Δ acc (points) | single macro-F1 "
        + "| multi macro-F1 | |",
      "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in report.rows {
      lines.append(
        "| \(Self.markdownEscape(row.task)) | \(row.examples) | "
          + "\(ReportNumberFormat.percent(row.single.accuracy)) | "
          + "\(ReportNumberFormat.percent(row.multi.accuracy)) | "
          + "\(Self.signed(row.accuracyChange, digits: 1)) | "
          + "\(ReportNumberFormat.score(row.single.macroF1)) | "
          + "\(ReportNumberFormat.score(row.multi.macroF1)) | "
          + (row.isNegativeTransfer ? "⚠ negative transfer" : "") + " |")
    }
    let mean = report.meanAccuracy
    lines.append(
      "| **mean** | | **\(ReportNumberFormat.percent(mean.single))** | "
        + "**\(ReportNumberFormat.percent(mean.multi))** | "
        + "**\(Self.signed((mean.multi - mean.single) * 100, digits: 1))** | | | |")
    return lines.joined(separator: "\n") + "\n"
  }

  /// One self-contained page: the table, with bars for the change per task.
  public func html(_ report: ComparisonReport) -> String {
    let mean = report.meanAccuracy
    let largest = max(1, report.rows.map { abs($0.accuracyChange) }.max() ?? 1)
    var rows: [String] = []
    for row in report.rows {
      let width = Int((abs(row.accuracyChange) / largest * 80).rounded())
      let bar =
        "<span class=\"bar \(row.isNegativeTransfer ? "down" : "up")\" "
        + "style=\"width: \(width)px\"></span>"
      rows.append(
        "<tr><td>\(HTMLEscaping.escape(row.task))</td><td class=\"num\">\(row.examples)</td>"
          + "<td class=\"num\">\(ReportNumberFormat.percent(row.single.accuracy))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.percent(row.multi.accuracy))</td>"
          + "<td class=\"num \(row.isNegativeTransfer ? "bad" : "good")\">"
          + "\(Self.signed(row.accuracyChange, digits: 1))</td><td>\(bar)</td>"
          + "<td class=\"num\">\(ReportNumberFormat.score(row.single.macroF1))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.score(row.multi.macroF1))</td>"
          + "<td>\(row.isNegativeTransfer ? "<span class=\"flag\">negative transfer</span>" : "")"
          + "</td></tr>")
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Single-task vs multi-task</title>
      <style>
      \(HTMLStyleSheet.css)
      .bar { display: inline-block; height: 10px; border-radius: 3px; vertical-align: middle; }
      .bar.up { background: var(--good); }
      .bar.down { background: var(--bad); }
      </style>
      </head>
      <body>
      <main>
      <header><h1>Single-task vs multi-task</h1>
      <p>\(HTMLEscaping.escape(report.settings))</p>
      <p>Mean test accuracy \(ReportNumberFormat.percent(mean.single)) alone,
      \(ReportNumberFormat.percent(mean.multi)) together
      (\(Self.signed((mean.multi - mean.single) * 100, digits: 1)) points).</p></header>
      <section class="summary">
      <div class="table-wrap"><table>
      <thead><tr><th>Task</th><th class="num">Examples</th><th class="num">Single acc</th>
      <th class="num">Multi acc</th><th class="num">Δ acc</th><th></th>
      <th class="num">Single macro-F1</th><th class="num">Multi macro-F1</th><th></th></tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody>
      </table></div>
      </section>
      <footer>Written by mtl · comparison schema \(ComparisonReport.currentSchemaVersion)</footer>
      </main>
      </body>
      </html>

      """
  }

  static func signed(_ value: Double, digits: Int) -> String {
    (value >= 0 ? "+" : "−") + ReportNumberFormat.decimal(abs(value), digits: digits)
  }

  static func markdownEscape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
