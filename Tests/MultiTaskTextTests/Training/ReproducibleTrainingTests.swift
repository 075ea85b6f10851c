import Foundation
import Testing

@testable import MultiTaskText

/// A seed gives the same model bytes on any number of threads, and on every run.
struct ReproducibleTrainingTests {
  /// 700 documents of 40 words for two tasks (a topic, and a sentiment on two thirds of
  /// them): enough for a round of several shards, so the merge runs.
  static let examples: [Example] = {
    var generator = SplitMix64(seed: 11)
    let topics = ["sports", "politics", "science", "music"]
    let common = (0..<60).map { "common\($0)" }
    return (0..<700).map { index in
      let topic = topics[index % topics.count]
      let positive = index % 3 == 0
      let words = (0..<40).map { position -> String in
        let draw = Int(generator.next() % 100)
        if draw < 40 { return "\(topic)\(Int(generator.next() % 30))" }
        if draw < 55 { return "\(positive ? "good" : "bad")\(Int(generator.next() % 10))" }
        return common[(position * 7 + Int(generator.next() % 60)) % common.count]
      }
      var labels = ["topic": topic]
      if index % 3 != 2 { labels["sentiment"] = positive ? "positive" : "negative" }
      return Example(text: words.joined(separator: " "), labels: labels)
    }
  }()

  /// The settings a table row names: plain SGD with softmax heads, or AdaGrad with a
  /// hierarchical and a sampled head, private rows and uncertainty weighting, which keep
  /// every kind of state a shard copies.
  static func trainer(threads: Int, everyState: Bool) -> Trainer {
    var topic = TaskSpecification(name: "topic")
    var sentiment = TaskSpecification(name: "sentiment")
    var training = TrainingConfiguration(
      epochs: 2, learningRate: everyState ? 0.1 : 0.5, seed: 5, threads: threads,
      optimizer: everyState ? .adagrad : .sgd)
    var model = ModelConfiguration(dimension: 16)
    if everyState {
      topic.loss = .hierarchical
      sentiment.loss = .sampled
      training.weighting = .uncertainty
      model.privateBuckets = 64
    }
    var trainer = Trainer(
      tasks: [topic, sentiment], features: FeatureConfiguration(wordNgrams: 2, buckets: 20_000),
      model: model, training: training)
    trainer.shardPlan = Self.plan
    return trainer
  }

  /// Four shards of 16 documents: the plan of a larger set, so that the rounds merge here.
  static let plan = ShardPlan(shards: 4, documentsPerShard: 16)

  static func modelBytes(threads: Int, everyState: Bool) throws -> [UInt8] {
    let model = try trainer(threads: threads, everyState: everyState).train(examples: examples)
    return try ModelFile.encode(model)
  }

  /// A set this small trains as one shard, exactly sequential SGD, by default; one of
  /// twenty_newsgroups' size in four.
  @Test func smallSetsTrainAsOneShard() throws {
    var trainer = Self.trainer(threads: 1, everyState: false)
    trainer.shardPlan = nil
    let data = try DatasetFactory(settingsOf: trainer).makeTrainingData(Self.examples)
    let labelCounts = data.labelSets.map(\.count)
    #expect(ShardPlan(set: data.set, labelCounts: labelCounts, dimension: 16).shards == 1)
    let larger = try DatasetFactory(settingsOf: trainer).makeTrainingData(
      Array(repeating: Self.examples, count: 20).joined())
    #expect(ShardPlan(set: larger.set, labelCounts: labelCounts, dimension: 16).shards == 4)
  }

  @Test(arguments: [false, true])
  func oneTwoAndFourThreadsGiveTheSameBytes(everyState: Bool) throws {
    let one = try Self.modelBytes(threads: 1, everyState: everyState)
    #expect(try Self.modelBytes(threads: 2, everyState: everyState) == one)
    #expect(try Self.modelBytes(threads: 4, everyState: everyState) == one)
  }

  @Test func twoRunsOnTwoThreadsGiveTheSameBytes() throws {
    let first = try Self.modelBytes(threads: 2, everyState: false)
    #expect(try Self.modelBytes(threads: 2, everyState: false) == first)
  }

  @Test func theShardedModelLearns() throws {
    let model = try Self.trainer(threads: 2, everyState: false).train(examples: Self.examples)
    let predictor = try Predictor(model: model)
    var correct = 0
    for example in Self.examples.prefix(200) {
      if try predictor.predict(example.text)[0].label == example.labels["topic"] { correct += 1 }
    }
    #expect(correct >= 190)
  }

  @Test func onlyHogwildRecordsItsThreadCount() throws {
    var trainer = Trainer(
      tasks: [TaskSpecification(name: "topic")], training: TrainingConfiguration(threads: 4))
    let labels = [LabelSet(["a", "b"])]
    #expect(trainer.manifest(labelSets: labels, labelCounts: nil).training.threads == 1)
    trainer.training.reproducible = false
    let hogwild = trainer.manifest(labelSets: labels, labelCounts: nil).training
    #expect(hogwild.threads == 4)
    #expect(!hogwild.reproducible)
    // The settings themselves keep the count, for the configurations that record them.
    let decoded = try JSONDecoder().decode(
      TrainingConfiguration.self, from: try JSONEncoder().encode(TrainingConfiguration(threads: 4)))
    #expect(decoded.threads == 4)
    #expect(decoded.reproducible)
  }
}
