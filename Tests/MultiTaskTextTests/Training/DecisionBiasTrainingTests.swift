import Testing

@testable import MultiTaskText

/// A macro-F1 task trained on imbalanced examples gets biases fitted on dev, which the model
/// file keeps and every prediction applies; an accuracy task, or `fitBiases: false`, gets
/// none.
struct DecisionBiasTrainingTests {
  static let spamWords = ["win", "free", "prize", "cash", "claim", "urgent", "offer", "winner"]
  static let hamWords = ["lunch", "slides", "meeting", "tomorrow", "team", "call", "notes"]

  /// `count` messages, one in `every` spam; spam mixes two spam words into ham words, so an
  /// under-trained model leans towards ham.
  static func messages(count: Int, every: Int, offset: Int) -> [Example] {
    (0..<count).map { index in
      let number = index + offset
      var words = (0..<4).map { hamWords[(number + 3 * $0) % hamWords.count] }
      let isSpam = index % every == 0
      if isSpam {
        words[1] = spamWords[number % spamWords.count]
        words[3] = spamWords[(number / 2 + 3) % spamWords.count]
      }
      return Example(
        text: words.joined(separator: " "), labels: ["spam": isSpam ? "spam" : "ham"])
    }
  }

  static func trainer(metric: TaskMetric, fitBiases: Bool = true) -> Trainer {
    var training = TrainingConfiguration(epochs: 2, learningRate: 0.05)
    training.fitBiases = fitBiases
    training.calibrate = false
    // Biases are fitted on the embedding bag's scores; a linear path would answer these
    // keyword documents alone and leave the biases nothing to fix.
    var model = ModelConfiguration(dimension: 8)
    model.linear = .off
    return Trainer(
      tasks: [TaskSpecification(name: "spam", metric: metric)],
      features: FeatureConfiguration(buckets: 1_000), model: model, training: training)
  }

  static let train = messages(count: 200, every: 10, offset: 0)
  static let development = messages(count: 200, every: 5, offset: 1_000)

  /// Macro-F1 of `model`'s answers on `examples`.
  static func macroF1(_ model: MultiTaskModel, on examples: [Example]) throws -> Double {
    let predictor = try Predictor(model: model)
    let labels = model.manifest.tasks[0].labels
    var counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
    for example in examples {
      guard let truth = example.labels["spam"], let truthID = labels.id(of: truth)
      else { continue }
      let answer = try predictor.predict(example.text)[0].label
      let answerID = try #require(labels.id(of: answer))
      counts[Int(truthID.rawValue)][Int(answerID.rawValue)] += 1
    }
    return TaskMetric.macroF1.value(
      counts: counts, unseen: Array(repeating: 0, count: labels.count), labels: labels)
  }

  @Test func aMacroF1TaskGetsBiasesThatRaiseItsDevScoreAndSurviveTheFile() throws {
    let model = try Self.trainer(metric: .macroF1).train(
      examples: Self.train, development: Self.development)
    let biases = try #require(model.manifest.tasks[0].biases)
    #expect(biases.count == 2)
    var unbiased = model
    unbiased.manifest.tasks[0].biases = nil
    let with = try Self.macroF1(model, on: Self.development)
    let without = try Self.macroF1(unbiased, on: Self.development)
    #expect(with > without, "dev macro-F1 \(without) -> \(with)")

    let bytes = try ModelFile.encode(model)
    let reloaded = try ModelFile.decode(bytes, path: "biased.mtl")
    #expect(reloaded.manifest.tasks[0].biases == biases)
    #expect(try Self.macroF1(reloaded, on: Self.development) == with)
    let first = try Predictor(model: model)
    let second = try Predictor(model: reloaded)
    for example in Self.development.prefix(40) {
      let answer = try first.predict(example.text)[0]
      let again = try second.predict(example.text)[0]
      #expect(answer.label == again.label && answer.probability == again.probability)
    }
  }

  @Test func explanationsExplainTheBiasedAnswer() throws {
    let model = try Self.trainer(metric: .macroF1).train(
      examples: Self.train, development: Self.development)
    #expect(model.manifest.tasks[0].biases != nil)
    let predictor = try Predictor(model: model)
    for example in Self.development {
      let answer = try predictor.predict(example.text)[0].label
      #expect(predictor.explanation(ofTask: 0).label == answer, "\(example.text)")
    }
  }

  @Test func accuracyTasksAndTheSwitchKeepModelsWithoutBiases() throws {
    let accuracy = try Self.trainer(metric: .accuracy).train(
      examples: Self.train, development: Self.development)
    #expect(accuracy.manifest.tasks[0].biases == nil)
    let off = try Self.trainer(metric: .macroF1, fitBiases: false).train(
      examples: Self.train, development: Self.development)
    #expect(off.manifest.tasks[0].biases == nil)
    #expect(off.manifest.training.fitBiases == false)
    // Without biases the switch changes nothing else in the model but its recorded setting.
    var same = try Self.trainer(metric: .macroF1).train(
      examples: Self.train, development: Self.development)
    same.manifest.tasks[0].biases = nil
    same.manifest.training.fitBiases = false
    #expect(try ModelFile.encode(same) == ModelFile.encode(off))
  }

  @Test func aModelFileWithBiasesOfTheWrongLengthIsRejected() throws {
    var model = try Self.trainer(metric: .accuracy).train(
      examples: Self.train, development: Self.development)
    model.manifest.tasks[0].biases = [1, 2, 3]
    let bytes = try ModelFile.encode(model)
    #expect {
      _ = try ModelFile.decode(bytes, path: "wrong.mtl")
    } throws: { error in
      "\(error)".contains("wrong.mtl") && "\(error)".contains("3 decision biases for 2 labels")
    }
  }
}
