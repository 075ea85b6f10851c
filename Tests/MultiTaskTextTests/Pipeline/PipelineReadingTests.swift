import Foundation
import Testing

@testable import MultiTaskText

/// Training files that cannot train anything, and what reading them reports.
struct TrainingSetReliabilityTests {
  @Test func anEmptyTrainingFileSaysSo() throws {
    let fixture = try TrainingFixture()
    let path = try fixture.directory.write("\n\n", named: "empty.jsonl")
    var configuration = fixture.configuration
    configuration.tasks[1].train = CorpusSource(path: path, format: .jsonl)
    #expect(throws: PipelineError.emptyCorpus(task: "sentiment", path: path)) {
      _ = try Pipeline(configuration: configuration).readTrainingSet(
        datasets: configuration.trainer.datasets)
    }
  }

  @Test func aFileOfOnlyInvalidRecordsSaysSoWhenSkipping() throws {
    let fixture = try TrainingFixture()
    let path = try fixture.directory.write("{\"text\": \"a\n{\"text\"\n", named: "bad.jsonl")
    var configuration = fixture.configuration
    configuration.tasks[1].train = CorpusSource(path: path, format: .jsonl)
    configuration.training.skipInvalid = true
    let error = #expect(throws: PipelineError.self) {
      _ = try Pipeline(configuration: configuration).readTrainingSet(
        datasets: configuration.trainer.datasets)
    }
    guard case .everyRecordSkipped(let task, _, let count, let first) = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(task == "sentiment" && count == 2 && first.line == 1)
  }

  @Test func aMissingLabelFieldIsNotReportedAsNoLabelledExample() throws {
    let fixture = try TrainingFixture()
    var configuration = fixture.configuration
    configuration.tasks[0].train.labelField = "category"
    let error = #expect(throws: PipelineError.self) {
      _ = try Pipeline(configuration: configuration).readTrainingSet(
        datasets: configuration.trainer.datasets)
    }
    guard case .corpus(.missingLabelField(_, 1, "category", _, "topic", _)) = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
  }

  @Test func skippedAndRepairedRecordsAreReportedOnceBeforeTraining() throws {
    let fixture = try TrainingFixture(epochs: 2)
    var lines = TrainingFixture.jsonl(TrainingFixture.sentiment)
    lines += "{\"text\": \"broken\n{\"label\": \"positive\"}\n"
    var bytes = Array(lines.utf8)
    bytes += Array("{\"text\": \"odd ".utf8) + [0xC3] + Array("\", \"label\": \"negative\"}\n".utf8)
    let path = try fixture.directory.write(bytes, named: "messy.jsonl")
    var configuration = fixture.configuration
    configuration.tasks[1].train = CorpusSource(path: path, format: .jsonl)
    configuration.training.skipInvalid = true
    let log = PipelineEventLog()
    _ = try Pipeline(configuration: configuration).train(onEvent: log.append)
    let reports = log.all.compactMap { event -> [CorpusStatistics]? in
      if case .corporaRead(let statistics) = event { return statistics }
      return nil
    }
    #expect(reports.count == 1)
    let messy = reports.first?.first { $0.path == path }
    #expect(messy?.recordsSkipped == 2)
    #expect(messy?.skippedProblems.map(\.line) == [7, 8])
    #expect(messy?.repairedLineNumbers == [9])
    #expect(reports.first?.first { $0.path != path }?.hasProblems == false)
  }

  @Test func aLabelSeenInOneExampleTrains() throws {
    let fixture = try TrainingFixture(epochs: 5)
    let path = try fixture.directory.write(
      TrainingFixture.jsonl(TrainingFixture.sentiment + [("a quiet film", "neutral")]),
      named: "rare.jsonl")
    var configuration = fixture.configuration
    configuration.tasks[1].train = CorpusSource(path: path, format: .jsonl)
    let model = try configuration.trainModel()
    #expect(model.manifest.tasks[1].labels.labels.contains("neutral"))
  }
}
