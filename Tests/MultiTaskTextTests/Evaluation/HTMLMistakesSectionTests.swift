import Foundation
import Testing

@testable import MultiTaskText

/// Explained mistakes, from the scorer that keeps them to the HTML that shows them.
struct HTMLMistakesSectionTests {
  /// Sentiment examples labelled the wrong way round, except the last, plus markup.
  static let flipped: [Example] = [
    ("a wonderful and moving <b>film</b>", "negative"),
    ("brilliant acting & a great story", "negative"),
    ("a dull and boring mess", "positive"),
    ("i hated the awful <script>alert(1)</script> ending", "positive"),
    ("terrible script and weak acting", "negative"),
  ].enumerated().map { index, example in
    Example(
      text: example.0, labels: ["sentiment": example.1],
      location: CorpusLocation(path: "flipped<1>.jsonl", line: index + 1))
  }

  static func scorer(keeping count: Int) throws -> TaskScorer {
    let model = try ExplainerTests.trained()
    let scorer = try Evaluator(model: model).scorer(
      forTask: "sentiment", explainingMistakes: count)
    for example in flipped { try scorer.record(example) }
    return scorer
  }

  static func report(keeping count: Int) throws -> EvaluationReport {
    let scorer = try scorer(keeping: count)
    var task = TaskReport(name: "sentiment", file: "flipped.jsonl", confusion: scorer.matrix)
    task.mistakes = scorer.mistakes
    return EvaluationReport(tasks: [task])
  }

  @Test func theScorerKeepsTheMostConfidentMistakesExplained() throws {
    let mistakes = try Self.scorer(keeping: 3).mistakes
    #expect(mistakes.count == 3)
    #expect(mistakes.allSatisfy { $0.explanation.label != $0.truth })
    #expect(mistakes.allSatisfy { !$0.explanation.contributions.isEmpty })
    let probabilities = mistakes.map(\.explanation.probability)
    #expect(probabilities == probabilities.sorted(by: >))
    // The one right answer is never kept, however many are asked for.
    let all = try Self.scorer(keeping: 10).mistakes
    #expect(all.count == 4)
    #expect(!all.contains { $0.text.hasPrefix("terrible") })
    #expect(try Self.scorer(keeping: 0).mistakes.isEmpty)
  }

  @Test func showsTheMisclassifiedDocumentsWithTheirWordsShadedAndEscaped() throws {
    let report = try Self.report(keeping: 4)
    let html = HTMLReportRenderer().render(report)
    #expect(HTMLTagBalance.problem(in: html) == nil)
    #expect(HTMLReportRendererTests.occurrences(of: "<li class=\"mistake\">", in: html) == 4)
    #expect(html.contains("sentiment: the 4 most confident mistakes"))
    #expect(html.contains("class=\"explain-legend\""))
    for mistake in report.tasks[0].mistakes {
      #expect(html.contains("true label <strong>\(mistake.truth)</strong>"))
      for token in mistake.explanation.tokenContributions {
        #expect(html.contains(">\(HTMLEscaping.escape(token.text))</span>"), "\(token.text)")
      }
    }
    // The documents' markup is text, never markup.
    #expect(!html.contains("<script") && !html.contains("<b>"))
    #expect(html.contains("&lt;"))
    #expect(html.contains("&amp;"))
    #expect(html.contains("flipped&lt;1&gt;.jsonl:4"))
    #expect(html.contains("class=\"contribution toward\""))
  }

  @Test func aReportWithoutMistakesIsUnchanged() throws {
    let html = HTMLReportRenderer().render(try Self.report(keeping: 0))
    #expect(!html.contains("mistake"))
    #expect(!html.contains(".explained-text"))
  }

  @Test func colourSaysWhichSideAndHowStrongly() {
    #expect(HTMLMistakesSection.fill(1) == "rgba(22, 163, 74, 0.55)")
    #expect(HTMLMistakesSection.fill(-0.25) == "rgba(220, 38, 38, 0.33)")
    #expect(HTMLMistakesSection.fill(0) == "rgba(22, 163, 74, 0.10)")
    #expect(HTMLMistakesSection.signed(-0.214) == "−0.21")
    #expect(HTMLMistakesSection.signed(1.5) == "+1.50")
  }
}
