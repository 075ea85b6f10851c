import Foundation
import Testing

@testable import MultiTaskText
@testable import MultiTaskTextConfiguration

@Suite struct ConfigurationOverrideTests {
  static let base = """
    tasks:
      - {name: topic, train: news.jsonl}
      - {name: spam, train: spam.tsv, weight: 0.5}
    training: {epochs: 3}
    """

  static func load(_ overrides: [String]) throws(ConfigurationError) -> RunConfiguration {
    try RunConfiguration.parse(
      text: base, format: .yaml, baseDirectory: "/c", overrides: overrides, sourceName: "c.yaml")
  }

  @Test func overridesReplaceValuesAndAddKeys() throws {
    let configuration = try Self.load([
      "training.epochs=10", "model.dimension=100", "tasks.topic.weight=2", "tasks.1.weight=3",
      "tasks.topic.dev=news-dev.jsonl", "text.tokenizer.locale=th", "training.learningRate=0.1",
      "training.sampling = temperature", "training.temperature=1.5", "output.directory=out",
      "tasks.spam.textColumns=[body, 2]",
    ])
    #expect(configuration.pipeline.training.epochs == 10)
    #expect(configuration.pipeline.model.dimension == 100)
    #expect(configuration.pipeline.task(named: "topic")?.specification.weight == 2)
    #expect(configuration.pipeline.task(named: "spam")?.specification.weight == 3)
    #expect(configuration.pipeline.task(named: "topic")?.dev?.path == "/c/news-dev.jsonl")
    #expect(
      configuration.pipeline.task(named: "spam")?.train.textColumns == [.name("body"), .index(2)])
    #expect(configuration.pipeline.text.tokenizer.locale == "th")
    #expect(configuration.pipeline.training.learningRate == 0.1)
    #expect(configuration.pipeline.training.sampling == .temperature(1.5))
    #expect(configuration.output.directory == "/c/out")
  }

  @Test func laterOverridesWinAndEmptyValuesRestoreDefaults() throws {
    let configuration = try Self.load(["training.epochs=7", "training.epochs=8"])
    #expect(configuration.pipeline.training.epochs == 8)
    let restored = try Self.load(["training.epochs="]).pipeline.training
    #expect(restored.epochCount == .automatic(maximum: TrainingConfiguration.defaultMaximumEpochs))
  }

  @Test func quotedValuesStayStrings() throws {
    let configuration = try Self.load([#"tasks.topic.labelPrefix="10""#])
    #expect(configuration.pipeline.task(named: "topic")?.train.labelPrefix == "10")
    #expect(
      throws: ConfigurationError.wrongType(
        path: "--set tasks.spam.textField=true", key: "tasks[1].textField",
        expected: "a string", found: "true")
    ) { try Self.load(["tasks.spam.textField=true"]) }
  }

  static let failures: [(override: String, expected: String)] = [
    (
      "training.epoch=3",
      #"--set training.epoch=3: unknown key "training.epoch"; did you mean "epochs"?"#
    ),
    (
      "model.dimension=fifty",
      #"--set model.dimension=fifty: "model.dimension" must be an integer, found "fifty""#
    ),
    ("training.epochs", #"c.yaml: override "training.epochs": expected the form key.path=value"#),
    (
      "training..epochs=3",
      #"c.yaml: override "training..epochs=3": the key path "training..epochs" has an empty part"#
    ),
    ("=3", #"c.yaml: override "=3": the key path "" has an empty part"#),
    (
      "tasks.nope.weight=2",
      #"c.yaml: override "tasks.nope.weight=2": "tasks" has no entry named "nope""#
    ),
    (
      "training.epochs.value=2",
      #"c.yaml: override "training.epochs.value=2": "training.epochs" is 3, not a mapping"#
    ),
    (
      "model.dimension=[1",
      #"c.yaml: override "model.dimension=[1": the value is not valid YAML"#
    ),
  ]

  @Test(arguments: failures)
  func badOverridesAreReported(override: String, expected: String) {
    do {
      _ = try Self.load([override])
      Issue.record("expected an error: \(expected)")
    } catch {
      #expect(error.description == expected)
    }
  }
}
