import Foundation
import MultiTaskTextTestSupport

@testable import MultiTaskText

/// A tiny two-task corpus written by the tests: topic from one file, sentiment from another,
/// plus a multi-task file whose lines are labelled for one task, both, or neither.
struct TrainingFixture {
  static let topic: [(String, String)] = [
    ("the striker scored twice in the final match", "sports"),
    ("the goalkeeper saved a penalty in extra time", "sports"),
    ("fans cheered as the team won the league title", "sports"),
    ("the coach praised the defence after the game", "sports"),
    ("parliament passed the budget after a long debate", "politics"),
    ("the minister resigned over the election scandal", "politics"),
    ("voters elect a new senate in the spring", "politics"),
    ("the president signed the new trade law", "politics"),
  ]
  static let sentiment: [(String, String)] = [
    ("a wonderful and moving film", "positive"),
    ("i loved every minute of it", "positive"),
    ("brilliant acting and a great story", "positive"),
    ("a dull and boring mess", "negative"),
    ("i hated the awful ending", "negative"),
    ("terrible script and weak acting", "negative"),
  ]

  let directory: TemporaryDirectory
  let configuration: PipelineConfiguration

  /// A fixture trained with plain SGD for a fixed number of epochs by default, the setting
  /// its expectations were written for; `optimizer: .adagrad` tries the default optimizer.
  init(
    epochs: Int = 40, learningRate: Double = 0.5, threads: Int = 1, seed: UInt64 = 7,
    optimizer: Optimizer = .sgd
  ) throws {
    directory = try TemporaryDirectory()
    let topicPath = try directory.write(
      Self.jsonl(Self.topic), named: "topic.jsonl")
    let sentimentPath = try directory.write(
      Self.jsonl(Self.sentiment), named: "sentiment.jsonl")
    var topic = TaskConfiguration(
      name: "topic", train: CorpusSource(path: topicPath, format: .jsonl))
    topic.test = topic.train
    var sentiment = TaskConfiguration(
      name: "sentiment", train: CorpusSource(path: sentimentPath, format: .jsonl))
    sentiment.test = sentiment.train
    var configuration = PipelineConfiguration(tasks: [topic, sentiment])
    configuration.model.dimension = 16
    configuration.features.buckets = 5_000
    // Words alone, as the expectations were written: no second, subword training.
    configuration.features.maxCharNgram = 0
    configuration.training.epochs = epochs
    configuration.training.learningRate = learningRate
    configuration.training.threads = threads
    configuration.training.seed = seed
    configuration.training.optimizer = optimizer
    self.configuration = configuration
  }

  static func jsonl(_ rows: [(String, String)]) -> String {
    rows.map { "{\"text\": \"\($0.0)\", \"label\": \"\($0.1)\"}\n" }.joined()
  }
}
