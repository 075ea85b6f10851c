import Testing

@testable import MultiTaskText

/// The trainer takes examples held in memory: no file, no configuration.
struct InMemoryTrainingTests {
  static let examples: [Example] = [
    Example(text: "win a free prize now", labels: ["spam": "spam"]),
    Example(text: "claim your free cash prize", labels: ["spam": "spam"]),
    Example(text: "urgent free entry win", labels: ["spam": "spam"]),
    Example(text: "see you at lunch tomorrow", labels: ["spam": "ham"]),
    Example(text: "can you send the slides", labels: ["spam": "ham"]),
    Example(text: "lunch tomorrow with the team", labels: ["spam": "ham"]),
    Example(text: "the striker scored twice", labels: ["topic": "sports"]),
    Example(text: "parliament passed the budget", labels: ["topic": "politics"]),
    Example(text: "the team won the match", labels: ["topic": "sports"]),
    Example(text: "the minister resigned", labels: ["topic": "politics"]),
  ]

  static func trainer() -> Trainer {
    var training = TrainingConfiguration()
    training.epochs = 40
    return Trainer(
      tasks: [TaskSpecification(name: "spam"), TaskSpecification(name: "topic")],
      features: FeatureConfiguration(buckets: 1_000), model: ModelConfiguration(dimension: 8),
      training: training)
  }

  @Test func trainsOnExamplesAndPredictsEveryTask() throws {
    let model = try Self.trainer().train(examples: Self.examples)
    #expect(model.manifest.tasks.map(\.name) == ["spam", "topic"])
    let predictor = try Predictor(model: model)
    let answers = try predictor.predict("free prize now")
    #expect(answers.map(\.task) == ["spam", "topic"])
    #expect(answers[0].label == "spam")
    #expect(try predictor.predict("the team scored")[1].label == "sports")
  }

  @Test func theSameExamplesAndSeedGiveTheSameModel() throws {
    let first = try Self.trainer().train(examples: Self.examples)
    let second = try Self.trainer().train(examples: Self.examples)
    #expect(try ModelFile.encode(first) == ModelFile.encode(second))
  }

  @Test func devExamplesAreScoredEveryEpoch() throws {
    let log = EventLog()
    _ = try Self.trainer().train(
      examples: Self.examples, development: Self.examples, onEvent: log.append)
    let dev = log.all.compactMap { event -> Double? in
      if case .epochFinished(let summary) = event { return summary.devAccuracy["spam"] }
      return nil
    }
    #expect(dev.count == 40)
    #expect(dev.last == 1)
  }

  @Test func aTaskWithoutTwoLabelsIsAnError() throws {
    let trainer = Trainer(tasks: [
      TaskSpecification(name: "spam"), TaskSpecification(name: "missing"),
    ])
    #expect(throws: TrainingError.tooFewLabels(task: "missing", labels: [])) {
      try trainer.train(examples: Self.examples)
    }
  }
}
