import Foundation
import Testing

@testable import MultiTaskText

/// The HTML report at 420 px: the summary and trials tables become named cards below 600 px,
/// so macro-F1 and the columns right of it stay on screen; chart text stays about 11 px when
/// a 560-unit chart is scaled to the phone; legend entries do not overlap at that size.
struct HTMLPhoneLayoutTests {
  /// The width a chart gets on a 420 px screen: the page's and the section's padding and the
  /// section's border taken off (see the `max-width: 640px` rule).
  static let phoneChartWidth: Double = 420 - 24 - 32 - 2

  static func report() -> EvaluationReport {
    var report = SampleReports.threeTasks()
    report.history = SampleReports.history(tasks: report.tasks.map(\.name), epochs: 12)
    report.tuning = TuningReportTests.summary()
    return report
  }

  static func phoneRules(_ html: String) throws -> String {
    let start = try #require(html.range(of: "@media (max-width: 600px) {"))
    let rest = html[start.upperBound...]
    let end = try #require(rest.range(of: "\n}\n"))
    return String(rest[..<end.lowerBound])
  }

  @Test func theSummaryBecomesCardsWithEveryValueNamed() throws {
    let html = HTMLReportRenderer().render(Self.report())
    let rules = try Self.phoneRules(html)
    #expect(rules.contains("table.stack thead { display: none; }"))
    #expect(rules.contains("content: attr(data-label)"))
    let summary = try #require(
      html.components(separatedBy: "<section class=\"summary\">").dropFirst().first?
        .components(separatedBy: "</section>").first)
    #expect(summary.contains("<table class=\"stack\">"))
    let headers = summary.matches(of: /<th(?: class="num")?>([^<]+)<\/th>/).map { String($0.1) }
    #expect(
      headers == ["Task", "Examples", "Accuracy", "Macro-F1", "Weighted F1", "Majority baseline"])
    let body = try #require(
      summary.components(separatedBy: "<tbody>").last?
        .components(separatedBy: "</tbody>").first)
    for row in body.components(separatedBy: "</tr>").dropLast() {
      let labels = row.matches(of: /<td[^>]* data-label="([^"]+)"/).map { String($0.1) }
      #expect(labels == Array(headers.dropFirst()), "\(row)")
    }
  }

  @Test func chartTextStaysReadableAndTheLegendDoesNotOverlap() throws {
    let html = HTMLReportRenderer().render(Self.report())
    let rules = try Self.phoneRules(html)
    let scale = Self.phoneChartWidth / 560
    for selector in ["svg.curve .tick", "svg.curve .legend text", "svg.curve .axis-title"] {
      let rule = try #require(
        rules.components(separatedBy: "}").first { $0.contains(selector) }, "\(selector)")
      let size = try #require(rule.firstMatch(of: /font-size: (\d+)px/).flatMap { Double($0.1) })
      #expect(size * scale >= 10.5, "\(selector) renders at \(size * scale) px on a phone")
    }
    // Legend entries, at the phone's 17-unit text: each text ends before the next entry.
    let legendSize = 17.0
    for chart in html.components(separatedBy: "<svg class=\"curve\"").dropFirst() {
      let entries = chart.matches(
        of:
          /<g class="legend"><line x1="([\d.]+)" x2="[\d.]+" y1="([\d.]+)"[^>]*>.*?<text x="([\d.]+)" y="[\d.]+">([^<]*)<\/text><\/g>/
      )
      for (entry, next) in zip(entries, entries.dropFirst()) where entry.2 == next.2 {
        let textStart = try #require(Double(entry.3))
        let nextStart = try #require(Double(next.1))
        let textWidth = Double(DisplayWidth.of(String(entry.4))) * legendSize * 0.56
        #expect(textStart + textWidth <= nextStart, "\(entry.4) overlaps the next entry")
      }
    }
  }

  @Test func aConfusionMatrixScrollsRatherThanShrinking() throws {
    let css = HTMLStyleSheet.css
    #expect(css.contains("figure.heatmap { overflow-x: auto; }"))
    #expect(css.contains("figure.heatmap svg { max-width: none; }"))
  }
}
