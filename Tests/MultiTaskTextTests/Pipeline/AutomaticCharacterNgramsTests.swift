import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// Automatic character n-grams: the pipeline trains a small corpus with and without them and
/// keeps subwords only when dev prefers them by more than chance; the model records the
/// range it kept.
struct AutomaticCharacterNgramsTests {
  @Test func settingEitherEndFixesTheRange() {
    let automatic = FeatureConfiguration()
    #expect(automatic.automaticCharacterNgrams)
    #expect(!automatic.usesCharacterNgrams)
    let resolver = FeatureResolver(automatic)
    let on = resolver.resolved(averageTokens: 10, multiLabel: false, characterNgrams: true)
    #expect((on.minCharNgram, on.maxCharNgram) == (3, 5))
    #expect(!on.automaticCharacterNgrams)
    #expect(!FeatureResolver.fixed(automatic).usesCharacterNgrams)
    // A trainer used without the pipeline leaves them off.
    #expect(!resolver.resolved(averageTokens: 10, multiLabel: false).usesCharacterNgrams)
    #expect(!resolver.resolved(averageTokens: 10, multiLabel: false).automaticCharacterNgrams)
    var fixed = FeatureConfiguration()
    fixed.maxCharNgram = 0
    #expect(!fixed.automaticCharacterNgrams)
    #expect(
      !FeatureResolver(fixed).resolved(averageTokens: 10, multiLabel: false, characterNgrams: true)
        .usesCharacterNgrams)
    #expect(!FeatureConfiguration(minCharNgram: 2, maxCharNgram: 4).automaticCharacterNgrams)
  }

  /// Every word occurs once, so words alone cannot generalize to dev, while the suffix that
  /// decides the label is a character n-gram every document shares with its class.
  @Test func subwordsAreKeptWhenDevPrefersThem() throws {
    let directory = try TemporaryDirectory()
    let result = try Self.pipeline(in: directory) { index, label in
      "stem\(index)" + (label == "past" ? "ed" : "ing")
    }.run()
    let choice = try #require(result.trained.history.characterNgrams)
    #expect(choice.chosen)
    #expect(choice.devScoreWith > choice.devScoreWithout + choice.margin)
    let features = result.model.manifest.features
    #expect((features.minCharNgram, features.maxCharNgram) == (3, 5))
    #expect(result.report.tasks[0].metrics.accuracy > 0.9)
  }

  /// Repeated words separate the classes perfectly with or without subwords, so nothing
  /// beats the words-only model by the margin, and it is kept.
  @Test func wordsAloneAreKeptWhenSubwordsGainNothing() throws {
    let directory = try TemporaryDirectory()
    let result = try Self.pipeline(in: directory) { _, label in
      label == "past" ? "yesterday it rained" : "tomorrow it snows"
    }.run()
    let choice = try #require(result.trained.history.characterNgrams)
    #expect(!choice.chosen)
    #expect(!result.model.manifest.features.usesCharacterNgrams)
  }

  @Test func aFixedRangeTrainsOnce() throws {
    let directory = try TemporaryDirectory()
    var pipeline = try Self.pipeline(in: directory) { index, _ in "word\(index)" }
    var configuration = pipeline.configuration
    configuration.features.maxCharNgram = 0
    pipeline = Pipeline(configuration: configuration)
    let trained = try pipeline.train()
    #expect(trained.history.characterNgrams == nil)
  }

  /// A two-label task whose every document is one word made by `word`.
  static func pipeline(
    in directory: TemporaryDirectory, word: (Int, String) -> String
  ) throws -> Pipeline {
    func file(_ name: String, _ range: Range<Int>) throws -> CorpusSource {
      let lines = range.map { index in
        let label = index.isMultiple(of: 2) ? "past" : "present"
        return "{\"text\": \"\(word(index, label))\", \"label\": \"\(label)\"}\n"
      }
      return CorpusSource(
        path: try directory.write(lines.joined(), named: name), format: .jsonl)
    }
    var task = TaskConfiguration(name: "tense", train: try file("train.jsonl", 0..<400))
    task.dev = try file("dev.jsonl", 400..<500)
    task.test = try file("test.jsonl", 500..<600)
    var configuration = PipelineConfiguration(tasks: [task])
    configuration.model.dimension = 8
    configuration.features.buckets = 20_000
    return Pipeline(configuration: configuration)
  }
}
