import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// The dev score that selects the kept epoch is the one the reports show, named: a
/// multi-label task is selected on macro-F1, so its chart, summary and `report.json` show
/// macro-F1 and say so, never subset accuracy under the kept epoch.
struct SelectingMetricReportTests {
  /// A history like the GoEmotions run's: epoch 16 kept on macro-F1 while epochs 14 and 19
  /// have the higher subset accuracy.
  static func history() -> TrainingHistory {
    let records = (1...19).map { epoch in
      let accuracy = epoch == 14 || epoch == 19 ? 0.34 : 0.3281
      let macroF1 = epoch == 16 ? 0.4513 : 0.40 + Double(epoch) * 0.001
      return TrainingHistory.Epoch(
        epoch: epoch, loss: ["emotion": 1.0 / Double(epoch)], devAccuracy: ["emotion": accuracy],
        devScore: ["emotion": macroF1])
    }
    var history = TrainingHistory(epochs: records, keptEpoch: 16, seconds: 40)
    history.devMetrics = ["emotion": .macroF1]
    return history
  }

  @Test func theChartAndSummariesShowTheSelectingScoreNamed() throws {
    var report = SampleReports.threeTasks()
    report.history = Self.history()
    let html = HTMLReportRenderer().render(report)
    #expect(html.contains("Dev macroF1, which selects the kept epoch"))
    #expect(!html.contains("Dev accuracy"))
    #expect(html.contains("<title>emotion, epoch 16: 0.4513</title>"))
    #expect(!html.contains("epoch 16: 32.8%"))
    #expect(html.contains("kept epoch 16 of 19, the best dev score: emotion macroF1 0.4513"))
    let text = TextReportRenderer(width: 100).render(report)
    #expect(text.contains("kept epoch 16 of 19, the best dev score: emotion macroF1 0.4513"))
    let markdown = MarkdownReportRenderer().render(report)
    #expect(markdown.contains("Training: kept epoch 16 of 19, the best dev score: emotion macroF1"))
    let json = try ReportFormat.json.render(report, colors: false)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    let history = try #require(object["history"] as? [String: Any])
    #expect((history["devMetrics"] as? [String: String]) == ["emotion": "macroF1"])
    let epochs = try #require(history["epochs"] as? [[String: Any]])
    #expect((epochs[15]["devScore"] as? [String: Double])?["emotion"] == 0.4513)
    #expect(try EvaluationReport(json: json).history == report.history)
  }

  /// An accuracy that never moves (a perfect dev score) once drew an axis up to 110%.
  @Test func aFlatPerfectAccuracyKeepsTheAxisAtOrBelow100Percent() {
    var report = SampleReports.threeTasks()
    let records = (1...5).map {
      TrainingHistory.Epoch(epoch: $0, loss: ["t": 0.1], devAccuracy: ["t": 1], devScore: ["t": 1])
    }
    report.history = TrainingHistory(epochs: records, keptEpoch: 1, seconds: 1)
    let html = HTMLReportRenderer().render(report)
    let ticks = html.matches(
      of: /<text class="tick" x="58" y="[\d.]+" dy="4" text-anchor="end">([\d.]+)%<\/text>/
    )
    .compactMap { Double($0.1) }
    #expect(!ticks.isEmpty)
    #expect(ticks.allSatisfy { $0 <= 100 }, "\(ticks)")
    #expect(html.contains("Dev accuracy, which selects the kept epoch"))
  }

  /// A real multi-label run records macro-F1 per epoch, names it, and keeps the epoch with
  /// the best of it.
  @Test func aMultiLabelRunRecordsTheScoreItSelectsOn() throws {
    let directory = try TemporaryDirectory()
    var configuration = try MultiLabelPipelineTests.configuration(in: directory)
    configuration.tasks.removeLast()
    configuration.tasks[0].specification.metric = .macroF1
    configuration.training.epochCount = .automatic(maximum: 12)
    let result = try Pipeline(configuration: configuration).run()
    let history = try #require(result.report.history)
    #expect(history.devMetrics == ["colour": .macroF1])
    let scores = history.epochs.compactMap { $0.devScore["colour"] }
    #expect(scores.count == history.epochs.count)
    // The last epoch is kept when it is the best, and then no earlier one is restored.
    let kept = history.keptEpoch ?? history.epochs.count
    let keptScore = try #require(history.epochs.first { $0.epoch == kept }?.devScore["colour"])
    #expect(scores.allSatisfy { $0 <= keptScore })
    let html = HTMLReportRenderer().render(result.report)
    #expect(html.contains("Dev macroF1, which selects the kept epoch"))
  }
}
