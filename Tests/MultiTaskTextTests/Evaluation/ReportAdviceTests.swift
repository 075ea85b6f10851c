import Foundation
import Testing

@testable import MultiTaskText

/// Every report form shows the training advice and the selection metric, escaped.
struct ReportAdviceTests {
  static func report() throws -> EvaluationReport {
    var report = SampleReports.threeTasks()
    report.history = TrainingHistory(
      epochs: [], seconds: 1, advice: ["dev accuracy peaked <early> & fell"])
    report.tasks[0].select(by: .macroF1, labels: LabelSet(report.tasks[0].confusion.labels))
    return report
  }

  @Test func htmlShowsTheAdviceAndTheSelectionEscaped() throws {
    let html = HTMLReportRenderer().render(try Self.report())
    #expect(html.contains("<strong>Note:</strong> dev accuracy peaked &lt;early&gt; &amp; fell"))
    #expect(html.contains("Selected on: "))
    #expect(html.contains("<code>macroF1</code>"))
  }

  @Test func textMarkdownAndJSONShowThemToo() throws {
    let report = try Self.report()
    let text = TextReportRenderer(colors: false).renderSummary(report)
    #expect(text.contains("note: dev accuracy peaked <early> & fell"))
    #expect(text.contains("selected on:"))
    #expect(MarkdownReportRenderer().render(report).contains("> **Note:**"))
    let json = try JSONSerialization.jsonObject(
      with: Data(try ReportFormat.json.render(report, colors: false)))
    let object = try #require(json as? [String: Any])
    let history = try #require(object["history"] as? [String: Any])
    #expect(history["advice"] as? [String] == ["dev accuracy peaked <early> & fell"])
    let first = try #require(report.tasks.first?.name)
    let task = try #require((object["tasks"] as? [String: Any])?[first] as? [String: Any])
    #expect((task["selection"] as? [String: Any])?["metric"] as? String == "macroF1")
  }
}

/// A tuning run's report shows its trials: in JSON, read back, and as an HTML chart.
struct ReportTuningTests {
  @Test func theTrialsAppearInJSONAndHTML() throws {
    var report = SampleReports.threeTasks()
    report.tuning = TuningSummary(
      trials: [
        .init(trial: 1, score: 0.8, finishedAt: 1), .init(trial: 2, score: nil, finishedAt: 2),
        .init(trial: 3, score: 0.85, finishedAt: 3),
      ], best: 3, bestSettings: ["training.learningRate=0.2"])
    let bytes = try ReportFormat.json.render(report, colors: false)
    let decoded = try EvaluationReport(json: bytes)
    #expect(decoded.tuning == report.tuning)
    let html = HTMLReportRenderer().render(report)
    #expect(html.contains("<h2>Tuning</h2>"))
    let section = try #require(
      html.components(separatedBy: "<section class=\"tuning\">").last?
        .components(separatedBy: "</section>").first)
    // Two scored trials are drawn; the failed one is not.
    #expect(section.components(separatedBy: "<circle").count == 3)
    #expect(html.contains("<code>training.learningRate=0.2</code>"))
  }
}
