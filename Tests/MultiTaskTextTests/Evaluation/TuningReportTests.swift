import Foundation
import Testing

@testable import MultiTaskText

/// The tuning section explains the kept trial: the one-standard-error band is drawn, the kept
/// trial is marked "within one standard error of the top, and cheapest", a trials table is
/// written in HTML, Markdown and JSON, `mtl tune`'s summary ends with the top five, and the
/// chart's axis never runs past a score of 1.
struct TuningReportTests {
  /// A search like the one on sms_spam: trial 1, the largest model, at 0.9886; seven later
  /// trials at 0.9905 with smaller models; one failed, one cut by the budget.
  static func summary() -> TuningSummary {
    var points: [TuningSummary.Point] = []
    let scores: [(Double?, Int)] = [
      (0.9886, 5_000_000), (0.9905, 2_000_000), (0.9905, 800_000), (0.9700, 300_000),
      (0.9905, 1_200_000), (nil, 0), (0.9905, 900_000), (0.9905, 2_100_000), (0.9905, 2_200_000),
      (0.9905, 4_000_000), (nil, 0),
    ]
    for (index, (score, parameters)) in scores.enumerated() {
      var point = TuningSummary.Point(
        trial: index + 1, score: score, finishedAt: Double(index + 1) * 5)
      point.parameters = parameters
      point.seconds = 5
      point.epochs = 6
      point.keptEpoch = 4
      point.settings = index == 0 ? [] : ["training.learningRate=0.\(index)", "model.dimension=50"]
      if index == 10 { point.outcome = .cutByBudget }
      if index == 5 { point.failure = "training diverged" }
      points.append(point)
    }
    var tuning = TuningSummary(
      trials: points, best: 3, bestSettings: ["training.learningRate=0.2", "model.dimension=50"])
    tuning.top = 2
    tuning.standardError = 0.005
    tuning.developmentDocuments = 1_045
    return tuning
  }

  static func section(_ html: String) throws -> String {
    try #require(
      html.components(separatedBy: "<section class=\"tuning\">").last?
        .components(separatedBy: "</section>").first)
  }

  @Test func theHTMLDrawsTheBandAndExplainsTheKeptTrial() throws {
    var report = SampleReports.threeTasks()
    report.tuning = Self.summary()
    let section = try Self.section(HTMLReportRenderer().render(report))
    #expect(section.contains("within one standard error of the top, and cheapest"))
    #expect(section.contains("Trial 2 scored highest on dev (0.9905)"))
    #expect(section.contains("Kept: trial 3"))
    #expect(section.contains("<rect class=\"band\""))
    #expect(section.contains("kept: trial 3</text>"))
    // The band spans from the top score down one standard error: every 0.9905 point lies in
    // it, trial 1's 0.9886 too (0.0019 below), and 0.97 does not.
    let band = try #require(
      section.firstMatch(
        of: /<rect class="band" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/))
    let top = try #require(Double(band.1))
    let bottom = top + (try #require(Double(band.2)))
    let points = section.matches(
      of: /<circle class="(?:trial|kept)" cx="[\d.]+" cy="([\d.]+)"[^>]*><title>trial (\d+)/)
    #expect(points.count == 9)
    for point in points {
      let y = try #require(Double(point.1))
      let inBand = y >= top - 0.01 && y <= bottom + 0.01
      #expect(inBand == (point.2 != "4"), "trial \(point.2) at y \(y), band \(top)...\(bottom)")
    }
  }

  @Test func theChartsAxisStaysWithinScores() throws {
    var tuning = Self.summary()
    tuning.trials = tuning.trials.map {
      var point = $0
      if point.score != nil { point.score = 1 }
      return point
    }
    var report = SampleReports.threeTasks()
    report.tuning = tuning
    let section = try Self.section(HTMLReportRenderer().render(report))
    let ticks = section.matches(
      of: /<text class="tick" x="70" y="[\d.]+" dy="4" text-anchor="end">([\d.]+)<\/text>/
    )
    .compactMap { Double($0.1) }
    #expect(!ticks.isEmpty)
    #expect(ticks.allSatisfy { $0 <= 1 }, "\(ticks)")
  }

  @Test func theTrialsTableListsEveryTrialBestFirst() throws {
    var report = SampleReports.threeTasks()
    report.tuning = Self.summary()
    let section = try Self.section(HTMLReportRenderer().render(report))
    let rows = section.matches(of: /<tr(?: class="kept")?><td data-label="Trial">(\d+)/).map {
      String($0.1)
    }
    #expect(rows.first == "2")  // the top; ties go to the lower trial number
    #expect(rows.count == 11)
    #expect(Array(rows.suffix(2)) == ["6", "11"])  // failed and cut trials come last
    #expect(section.contains("cut by the budget"))
    #expect(section.contains("<tr class=\"kept\"><td data-label=\"Trial\">3"))

    let markdown = MarkdownReportRenderer().render(report)
    #expect(markdown.contains("### Tuning"))
    #expect(markdown.contains("| 3 (kept) | 0.9905 | yes | 800 k |"))
    #expect(markdown.contains("| 11 | cut by the budget |"))

    let json = try ReportFormat.json.render(report, colors: false)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    let tuning = try #require(object["tuning"] as? [String: Any])
    let trials = try #require(tuning["trials"] as? [[String: Any]])
    #expect(trials.count == 11)
    #expect(trials[10]["outcome"] as? String == "cutByBudget")
    #expect(trials[2]["parameters"] as? Int == 800_000)
    #expect(tuning["standardError"] as? Double == 0.005)
    #expect(try EvaluationReport(json: json).tuning == report.tuning)
  }

  @Test func theTerminalSummaryEndsWithTheTopFive() {
    let text = TextReportRenderer(width: 80).renderTuning(Self.summary())
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, "\(lines)")
    #expect(text.contains("kept settings (trial 3):"))
    #expect(text.contains("    training.learningRate=0.2"))
    #expect(text.contains("top 5 of 11 trials, best first:"))
    let table = lines.drop { !$0.contains("top 5 of 11") }.dropFirst(3)
    #expect(table.count == 5)
    #expect(table.first?.trimmingCharacters(in: .whitespaces).hasPrefix("2 top") == true)
    #expect(table.contains { $0.contains("3 kept") && $0.contains("0.9905") })
  }

  /// The kept trial is in the table even when five trials scored higher.
  @Test func theKeptTrialIsListedWhenItRanksBelowTheTopFive() {
    var tuning = Self.summary()
    tuning.best = 4  // 0.97, below the band: only the rendering is tested here
    let text = TextReportRenderer(width: 100).renderTuning(tuning)
    #expect(text.contains("top 4 of 11 trials, best first, then the kept one:"))
    #expect(text.contains("4 kept"))
  }

  /// A report written before trials carried their cost and outcome still loads.
  @Test func anEarlierTuningReportStillLoads() throws {
    let json = """
      {"trials": [{"trial": 1, "score": 0.8, "finishedAt": 1}, {"trial": 2, "score": null,
      "finishedAt": 2}], "best": 1, "bestSettings": []}
      """
    let tuning = try JSONDecoder().decode(TuningSummary.self, from: Data(json.utf8))
    #expect(tuning.trials.map(\.outcome) == [.scored, .failed])
    #expect(tuning.top == nil)
  }
}
