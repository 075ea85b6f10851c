import Foundation
import Testing

@testable import MultiTaskText

struct HTMLReportRendererTests {
  static func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test(arguments: [
    SampleReports.threeTasks(), SampleReports.useless(), EvaluationReport(tasks: []),
  ])
  func isWellFormed(report: EvaluationReport) {
    let html = HTMLReportRenderer().render(report)
    #expect(HTMLTagBalance.problem(in: html) == nil)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
  }

  @Test func theCheckerCatchesBrokenMarkup() {
    #expect(HTMLTagBalance.problem(in: "<div><span></div></span>") != nil)
    #expect(HTMLTagBalance.problem(in: "<p>a < b</p>") != nil)
    #expect(HTMLTagBalance.problem(in: "<p>a & b</p>") != nil)
    #expect(HTMLTagBalance.problem(in: "<p title=\"x\">a &amp; b<br><svg><rect/></svg></p>") == nil)
  }

  @Test func drawsOneConfusionMatrixPerTaskAndTheTrainingCurves() {
    let report = SampleReports.threeTasks()
    let html = HTMLReportRenderer().render(report)
    #expect(Self.occurrences(of: "<svg class=\"confusion\"", in: html) == report.tasks.count)
    #expect(Self.occurrences(of: "<svg class=\"curve\"", in: html) == 2)
    var withoutHistory = report
    withoutHistory.history = nil
    #expect(
      Self.occurrences(of: "class=\"curve\"", in: HTMLReportRenderer().render(withoutHistory)) == 0)
  }

  @Test func isSelfContained() {
    let html = HTMLReportRenderer().render(SampleReports.threeTasks())
    let remote = #"(src|href)\s*=\s*["']?\s*(https?:)?//"#
    #expect(html.range(of: remote, options: [.regularExpression, .caseInsensitive]) == nil)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("@import"))
    #expect(!html.contains("url("))
  }

  @Test func escapesLabels() {
    let html = HTMLReportRenderer().render(SampleReports.threeTasks())
    #expect(html.contains("sci&lt;tech&gt; &amp; &quot;AI&quot;"))
    #expect(!html.contains("sci<tech>"))
    #expect(html.contains("movies &lt;dvd&gt;"))
    #expect(html.contains("電子產品與配件") && html.contains("🍎"))
  }

  @Test func truncatesLongLabelsInTheHeatMapWithAFullTooltip() {
    let html = HTMLReportRenderer().render(SampleReports.threeTasks())
    let full = "automotive parts and accessories for older vehicles"
    #expect(html.contains("<title>\(full)</title>automotive parts and acce…"))
  }

  @Test func warnsAboutAUselessModel() {
    #expect(HTMLReportRenderer().render(SampleReports.useless()).contains("class=\"warning\""))
    #expect(!HTMLReportRenderer().render(SampleReports.threeTasks()).contains("class=\"warning\""))
  }
}
