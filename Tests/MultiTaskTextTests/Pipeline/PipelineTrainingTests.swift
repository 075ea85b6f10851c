import Foundation
import Testing

@testable import MultiTaskText

struct TrainerTests {
  @Test func overfitsSavesReloadsAndPredictsIdentically() throws {
    let fixture = try TrainingFixture()
    let model = try fixture.configuration.trainModel()
    let path = fixture.directory.url.appendingPathComponent("model.mtl").path
    try ModelFile.write(model, to: path)
    let reloaded = try ModelFile.read(path: path)
    #expect(reloaded == model)

    let before = try Predictor(model: model)
    let after = try Predictor(model: reloaded)
    for (task, rows) in [
      ("topic", TrainingFixture.topic), ("sentiment", TrainingFixture.sentiment),
    ] {
      for (text, label) in rows {
        let original = try before.predict(text)
        let again = try after.predict(text)
        #expect(original == again)
        #expect(original.first { $0.task == task }?.label == label, "\(text)")
      }
    }
    for task in fixture.configuration.tasks {
      let matrix = try evaluateFile(reloaded, task: task.name, on: task.test!)
      #expect(TaskMetrics(matrix).accuracy == 1)
    }
  }

  @Test func theSameSeedOnOneThreadGivesByteIdenticalModelFiles() throws {
    let fixture = try TrainingFixture(epochs: 5)
    let first = try ModelFile.encode(try fixture.configuration.trainModel())
    let second = try ModelFile.encode(try fixture.configuration.trainModel())
    #expect(first == second)
    var reseeded = fixture.configuration
    reseeded.training.seed = 8
    let third = try ModelFile.encode(try reseeded.trainModel())
    #expect(first != third)
  }

  @Test(arguments: [TaskSampling.proportional, .temperature(2), .uniform])
  func everySamplingStrategyIsDeterministicAndLearns(_ sampling: TaskSampling) throws {
    let fixture = try TrainingFixture()
    var configuration = fixture.configuration
    configuration.training.sampling = sampling
    let first = try configuration.trainModel()
    let second = try configuration.trainModel()
    #expect(try ModelFile.encode(first) == ModelFile.encode(second))
    let predictor = try Predictor(model: first)
    #expect(try predictor.predict("the striker scored in the match")[0].label == "sports")
  }

  @Test func hogwildThreadsTrainAUsableModel() throws {
    let fixture = try TrainingFixture(threads: 2)
    var configuration = fixture.configuration
    configuration.training.reproducible = false
    let model = try configuration.trainModel()
    let matrix = try evaluateFile(
      model,
      task: "topic", on: fixture.configuration.tasks[0].test!)
    #expect(TaskMetrics(matrix).accuracy >= 0.75)
  }

  @Test func aHugeLearningRateIsReportedAsDivergence() throws {
    let fixture = try TrainingFixture(epochs: 3, learningRate: 1e30)
    #expect {
      try fixture.configuration.trainModel()
    } throws: { error in
      guard case .training(.diverged(_, let rate)) = error as? PipelineError else { return false }
      return rate > 1e29 && "\(error)".contains("try a smaller learning rate")
    }
  }

  @Test func stoppingEarlyWritesNoModel() throws {
    let fixture = try TrainingFixture()
    let stopped = Result {
      try fixture.configuration.trainer.train(on: try fixture.data(), shouldStop: { true })
    }
    #expect(throws: TrainingError.cancelled(epochsCompleted: 0)) { _ = try stopped.get() }
  }

  @Test func reportsEveryEpoch() throws {
    let fixture = try TrainingFixture(epochs: 3)
    let events = EventLog()
    _ = try fixture.configuration.trainModel(onEvent: events.append)
    let epochs = events.all.compactMap { event -> Int? in
      if case .epochFinished(let summary) = event, summary.loss.values.allSatisfy({ $0 != nil }) {
        return summary.epoch
      }
      return nil
    }
    #expect(epochs == [1, 2, 3])
  }

  @Test func aTaskWithOneLabelIsAClearError() throws {
    let fixture = try TrainingFixture()
    let path = try fixture.directory.write(
      "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\", \"label\": \"x\"}\n",
      named: "one.jsonl")
    var configuration = fixture.configuration
    configuration.tasks[1].train = CorpusSource(path: path, format: .jsonl)
    #expect(throws: PipelineError.training(.tooFewLabels(task: "sentiment", labels: ["x"]))) {
      try configuration.trainModel()
    }
  }
}

extension TrainingFixture {
  func data() throws -> TrainingData {
    let pipeline = Pipeline(configuration: configuration)
    return try pipeline.readTrainingSet(datasets: configuration.trainer.datasets)
      .finish(features: configuration.features)
  }
}

final class EventLog: @unchecked Sendable {
  private let lock = NSLock()
  private var events: [TrainingEvent] = []
  func append(_ event: TrainingEvent) {
    lock.lock()
    events.append(event)
    lock.unlock()
  }
  var all: [TrainingEvent] {
    lock.lock()
    defer { lock.unlock() }
    return events
  }
}

struct DevelopmentTrainingTests {
  @Test func reportsDevAccuracyEveryEpochAndKeepsTheBestEpoch() throws {
    let fixture = try TrainingFixture(epochs: 6)
    var configuration = fixture.configuration
    configuration.tasks[0].dev = configuration.tasks[0].train
    configuration.training.keepBestEpoch = true
    // The epochs' dev scores are the embedding bag's; a linear path fitted after the kept
    // epoch would change the score this test compares them with.
    configuration.model.linear = .off
    let events = EventLog()
    let model = try configuration.trainModel(onEvent: events.append)
    var accuracies: [Double] = []
    var kept: Int?
    for event in events.all {
      if case .epochFinished(let summary) = event {
        let dev = summary.devAccuracy.values
        #expect(dev.count == 2)
        #expect(dev[1] == nil)
        accuracies.append(try #require(dev[0]))
      }
      if case .keptEpoch(let epoch) = event { kept = epoch }
    }
    #expect(accuracies.count == 6)
    let bestEpoch =
      accuracies.indices.max {
        accuracies[$0] < accuracies[$1] || (accuracies[$0] == accuracies[$1] && $0 > $1)
      }! + 1
    #expect(kept == (bestEpoch == 6 ? nil : bestEpoch))
    // The kept model scores the best dev accuracy seen.
    let matrix = try evaluateFile(
      model,
      task: "topic", on: configuration.tasks[0].dev!)
    #expect(abs(TaskMetrics(matrix).accuracy - accuracies.max()!) < 1e-9)
  }

  @Test func anUnseenDevLabelCountsAsWrong() throws {
    let fixture = try TrainingFixture(epochs: 20)
    let path = try fixture.directory.write(
      "{\"text\": \"the striker scored twice in the final match\", \"label\": \"sports\"}\n"
        + "{\"text\": \"the striker scored twice in the final match\", \"label\": \"weather\"}\n",
      named: "dev.jsonl")
    var configuration = fixture.configuration
    configuration.tasks[0].dev = CorpusSource(path: path, format: .jsonl)
    let events = EventLog()
    _ = try configuration.trainModel(onEvent: events.append)
    let last = events.all.compactMap { event -> Double? in
      if case .epochFinished(let summary) = event { return summary.devAccuracy.values[0] }
      return nil
    }.last
    #expect(last == 0.5)
  }
}

struct StrategyDeterminismTests {
  static let variants = [
    "fixed", "uncertainty", "dynamic", "pcgrad", "annealed", "uniform", "private", "patience",
    "head-scale",
  ]

  static func configure(_ variant: String, _ configuration: inout PipelineConfiguration) {
    switch variant {
    case "uncertainty": configuration.training.weighting = .uncertainty
    case "dynamic": configuration.training.weighting = .dynamic
    case "pcgrad": configuration.training.weighting = .pcgrad
    case "annealed": configuration.training.sampling = .annealed
    case "uniform": configuration.training.sampling = .uniform
    case "private": configuration.model.privateBuckets = 64
    case "patience":
      configuration.training.taskPatience = 1
      configuration.tasks[0].dev = configuration.tasks[0].train
      configuration.tasks[1].dev = configuration.tasks[1].train
    case "head-scale": configuration.tasks[1].specification.learningRateScale = 3
    default: break
    }
  }

  @Test(arguments: variants)
  func theSameSeedGivesTheSameModelAndItStillLearns(_ variant: String) throws {
    let fixture = try TrainingFixture(epochs: 15)
    var configuration = fixture.configuration
    Self.configure(variant, &configuration)
    let first = try configuration.trainModel()
    let second = try configuration.trainModel()
    #expect(try ModelFile.encode(first) == ModelFile.encode(second))
    let path = fixture.directory.url.appendingPathComponent("\(variant).mtl").path
    try ModelFile.write(first, to: path)
    let reloaded = try ModelFile.read(path: path)
    #expect(reloaded == first)
    for task in configuration.tasks {
      let matrix = try evaluateFile(reloaded, task: task.name, on: task.test!)
      #expect(TaskMetrics(matrix).accuracy >= 0.8, "\(variant) \(task.name)")
    }
  }

  @Test func perTaskEarlyStoppingStopsAndKeepsTheBestHead() throws {
    let fixture = try TrainingFixture(epochs: 30)
    var configuration = fixture.configuration
    configuration.training.taskPatience = 2
    configuration.tasks[0].dev = configuration.tasks[0].train
    let events = EventLog()
    _ = try configuration.trainModel(onEvent: events.append)
    let stops = events.all.compactMap { event -> (String, Int, Int)? in
      if case .taskStopped(let task, let epoch, let kept) = event { return (task, epoch, kept) }
      return nil
    }
    // The topic task reaches perfect dev accuracy early and cannot improve, so it stops
    // `patience` epochs after its best; sentiment has no dev file and never stops.
    #expect(stops.count == 1)
    #expect(stops.first?.0 == "topic")
    if let stop = stops.first { #expect(stop.1 - stop.2 == 2) }
  }
}
