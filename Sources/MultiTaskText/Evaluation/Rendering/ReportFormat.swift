/// The formats an evaluation report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
  /// Aligned tables for a terminal.
  case text
  /// Versioned JSON for other programs.
  case json
  /// GitHub-flavoured Markdown tables, for pull requests.
  case markdown
  /// One self-contained HTML page with SVG charts, for browsers and print.
  case html

  /// The usual file name extension, without the dot.
  public var fileExtension: String {
    switch self {
    case .text: return "txt"
    case .json: return "json"
    case .markdown: return "md"
    case .html: return "html"
    }
  }

  /// Renders `report` in this format as UTF-8 bytes.
  ///
  /// - Parameters:
  ///   - report: The report to write.
  ///   - colors: ANSI colours in the text format (pass true only for a terminal); ignored by
  ///     the other formats.
  ///   - width: The text format's widest line, in display columns: the terminal's when
  ///     writing to one; ignored by the other formats.
  /// - Throws: `EncodingError` from the JSON format when two tasks share a name.
  public func render(
    _ report: EvaluationReport, colors: Bool, width: Int = 100
  ) throws -> [UInt8] {
    switch self {
    case .text:
      return Array(TextReportRenderer(colors: colors, width: width).render(report).utf8)
    case .json: return try JSONReportRenderer().render(report)
    case .markdown: return Array(MarkdownReportRenderer().render(report).utf8)
    case .html: return Array(HTMLReportRenderer().render(report).utf8)
    }
  }
}
