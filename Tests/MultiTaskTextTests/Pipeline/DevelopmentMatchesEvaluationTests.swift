import Foundation
import Testing

@testable import MultiTaskText

/// Dev scoring and evaluation run the same forward pass, so on the same file they agree
/// exactly, documents without a known word included.
struct DevelopmentMatchesEvaluationTests {
  /// Topic documents the fixture's model has partly never seen: a document of unknown words,
  /// and one of punctuation alone, which has no feature at all and so gets a uniform
  /// distribution whose first label ("politics") wins.
  static let heldOut: [(String, String)] = [
    ("the striker scored in the final", "sports"),
    ("the senate passed the trade law", "politics"),
    ("zyxwv qwerty plugh", "sports"),
    ("xyzzy frobnicate", "politics"),
    ("!!!", "politics"),
    ("the minister praised the team", "sports"),
  ]

  @Test func theLastEpochsDevAccuracyEqualsTheTestAccuracyOnTheSameFile() throws {
    let fixture = try TrainingFixture(epochs: 3)
    let path = try fixture.directory.write(
      TrainingFixture.jsonl(Self.heldOut), named: "held-out.jsonl")
    var configuration = fixture.configuration
    configuration.tasks[0].dev = CorpusSource(path: path, format: .jsonl)
    configuration.tasks[0].test = configuration.tasks[0].dev
    configuration.training.keepBestEpoch = false
    // The epochs' dev scores are the embedding bag's; a linear path fitted after the last
    // epoch would change the answers this test compares them with.
    configuration.model.linear = .off
    let result = try Pipeline(configuration: configuration).run()
    let dev = try #require(result.report.history?.epochs.last?.devAccuracy["topic"])
    let test = try #require(result.report.tasks.first { $0.name == "topic" })
    #expect(test.metrics.examples == Self.heldOut.count)
    #expect(dev == test.metrics.accuracy)
  }

  @Test func aDocumentWithoutFeaturesIsScoredAsTheFirstLabel() throws {
    let fixture = try TrainingFixture(epochs: 2)
    let path = try fixture.directory.write(
      TrainingFixture.jsonl([("!!!", "politics"), ("???", "sports")]), named: "empty.jsonl")
    var configuration = fixture.configuration
    configuration.tasks[0].dev = CorpusSource(path: path, format: .jsonl)
    configuration.tasks[0].test = configuration.tasks[0].dev
    let result = try Pipeline(configuration: configuration).run()
    #expect(result.report.history?.epochs.last?.devAccuracy["topic"] == 0.5)
    #expect(result.report.tasks.first { $0.name == "topic" }?.metrics.accuracy == 0.5)
  }
}
