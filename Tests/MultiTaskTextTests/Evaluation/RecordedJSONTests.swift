import Foundation
import Testing

@testable import MultiTaskText

/// A report records its run's configuration as JSON, so the reports need not know the
/// pipeline's configuration type; the JSON must be the configuration's, digit for digit.
@Suite struct RecordedJSONTests {
  static func configuration() -> PipelineConfiguration {
    var specification = TaskSpecification(
      name: "topic", weight: 0.5, classWeighting: .balanced, learningRateScale: 3,
      metric: .f1Average(labels: ["a", "b"]))
    specification.type = .multiLabel
    specification.thresholds = .tuned
    specification.minProbability = 0.25
    var task = TaskConfiguration(
      specification, train: CorpusSource(path: "train.jsonl", format: .jsonl),
      test: CorpusSource(path: "test.jsonl", format: .jsonl))
    task.allowUnlabelled = true
    var configuration = PipelineConfiguration(tasks: [task])
    configuration.training.seed = .max
    configuration.training.learningRate = 0.1
    configuration.training.memoryBudget = nil
    return configuration
  }

  static func sortedJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test func encodesAsTheValueItRecords() throws {
    let configuration = Self.configuration()
    let recorded = try RecordedJSON(encoding: configuration)
    #expect(try Self.sortedJSON(recorded) == Self.sortedJSON(configuration))
    #expect(try Self.sortedJSON(recorded).contains("18446744073709551615"))
  }

  @Test func theRecordedConfigurationDecodesBackToTheSameSettings() throws {
    let configuration = Self.configuration()
    let data = try JSONEncoder().encode(try RecordedJSON(encoding: configuration))
    #expect(try JSONDecoder().decode(PipelineConfiguration.self, from: data) == configuration)
  }

  @Test func aTaskIsOneFlatObject() throws {
    let object =
      try JSONSerialization.jsonObject(
        with: JSONEncoder().encode(Self.configuration().tasks[0])) as? [String: Any]
    #expect(
      Set(object?.keys.map { $0 } ?? []) == [
        "name", "train", "test", "weight", "classWeighting", "learningRateScale", "metric",
        "type", "thresholds", "minProbability", "loss", "allowUnlabelled",
      ])
    #expect(object?["metric"] as? String == "f1avg:a,b")
  }
}
