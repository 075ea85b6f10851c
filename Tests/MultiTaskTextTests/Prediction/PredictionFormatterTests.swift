import Foundation
import Testing

@testable import MultiTaskText

/// The prediction lines every front end prints, parsed back with `JSONSerialization` and
/// checked against the predictor that produced them.
@Suite struct PredictionFormatterTests {
  /// A single-label model with two tasks, `spam` and `topic`.
  static func singleLabelModel() throws -> MultiTaskModel {
    try InMemoryTrainingTests.trainer().train(examples: InMemoryTrainingTests.examples)
  }

  /// Runs `text` and returns the formatter's line, checked to be one line, parsed.
  static func line(
    _ text: String, model: MultiTaskModel, options: PredictionOptions = PredictionOptions()
  ) throws -> (object: [String: Any], predictor: Predictor) {
    let predictor = try Predictor(model: model)
    let formatter = try PredictionFormatter(model: model, options: options)
    var bytes: [UInt8] = []
    var copy = text
    try copy.withUTF8Bytes { (utf8) throws(TextError) in
      try predictor.run(utf8)
      formatter.appendJSONLine(of: predictor, originalText: utf8, to: &bytes)
    }
    #expect(bytes.last == UInt8(ascii: "\n"))
    #expect(bytes.filter { $0 == UInt8(ascii: "\n") }.count == 1)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
      "\(String(decoding: bytes, as: UTF8.self))")
    return (object, predictor)
  }

  static func tsvRow(
    _ text: String, model: MultiTaskModel, options: PredictionOptions = PredictionOptions()
  ) throws -> [String] {
    let predictor = try Predictor(model: model)
    let formatter = try PredictionFormatter(model: model, options: options)
    _ = try predictor.predict(text)
    var bytes: [UInt8] = []
    formatter.appendTSVRow(of: predictor, to: &bytes)
    let row = String(decoding: bytes, as: UTF8.self)
    #expect(row.hasSuffix("\n"))
    return row.dropLast().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  }

  static func task(_ object: [String: Any], _ name: String) throws -> [String: Any] {
    try #require(object[name] as? [String: Any], "no object for \(name) in \(object)")
  }

  // MARK: Single-label tasks

  @Test func aSingleLabelTaskAnswersItsBestLabelAndProbability() throws {
    let model = try Self.singleLabelModel()
    let (object, predictor) = try Self.line("free prize now", model: model)
    #expect(object.keys.sorted() == ["spam", "topic"])
    for (index, name) in ["spam", "topic"].enumerated() {
      let answer = try Self.task(object, name)
      #expect(answer.keys.sorted() == ["label", "probability"])
      let best = predictor.best(ofTask: index)
      #expect(answer["label"] as? String == model.manifest.tasks[index].labels[best.label])
      let probability = try #require(answer["probability"] as? Double)
      #expect(abs(probability - Double(best.probability)) <= 5e-6)
    }
    #expect(try Self.task(object, "spam")["label"] as? String == "spam")
  }

  @Test func topKListsTheMostProbableLabelsInOrder() throws {
    let model = try Self.singleLabelModel()
    let (object, predictor) = try Self.line(
      "see you at lunch", model: model, options: PredictionOptions(topK: 5))
    let answer = try Self.task(object, "spam")
    let top = try #require(answer["top"] as? [[String: Any]])
    // Two labels: asking for five lists both.
    #expect(top.count == 2)
    #expect(top.first?["label"] as? String == answer["label"] as? String)
    let probabilities = top.compactMap { $0["probability"] as? Double }
    #expect(probabilities == probabilities.sorted(by: >))
    let distribution = predictor.withProbabilities(ofTask: 0) { Array($0) }
    #expect(abs(probabilities.reduce(0, +) - Double(distribution.reduce(0, +))) < 1e-4)
    #expect(Set(top.compactMap { $0["label"] as? String }) == ["ham", "spam"])
  }

  @Test func explainListsTokensAndContributionsOfTheAnswer() throws {
    let model = try Self.singleLabelModel()
    let text = "Claim your FREE prize"
    let (object, predictor) = try Self.line(
      text, model: model, options: PredictionOptions(explain: 3))
    let explanation = try #require(try Self.task(object, "spam")["explanation"] as? [[String: Any]])
    var copy = text
    let expected = try copy.withUTF8Bytes { (utf8) throws(TextError) in
      try predictor.run(utf8)
      return predictor.topContributions(ofTask: 0, count: 3, originalText: utf8)
    }
    #expect(explanation.count == expected.count)
    #expect(!explanation.isEmpty && explanation.count <= 3)
    for (entry, unit) in zip(explanation, expected) {
      let token = try #require(entry["token"] as? String)
      #expect(token == unit.token)
      // Quoted as written, not normalized.
      #expect(text.contains(token), "\(token)")
      let contribution = try #require(entry["contribution"] as? Double)
      #expect(abs(contribution - unit.contribution) <= 5e-5)
    }
    #expect(try Self.task(object, "topic")["explanation"] is [Any])
  }

  @Test func aDocumentWithoutAKnownTokenAbstainsForEveryTask() throws {
    let model = try Self.singleLabelModel()
    let (object, _) = try Self.line(
      "zzz qqq", model: model, options: PredictionOptions(topK: 2, explain: 2))
    for name in ["spam", "topic"] {
      let answer = try Self.task(object, name)
      #expect(answer.keys.sorted() == ["label", "reason"])
      #expect(answer["label"] is NSNull)
      #expect(answer["reason"] as? String == "no known tokens")
    }
    let empty = try Self.line("", model: model).object
    #expect(try Self.task(empty, "topic")["label"] is NSNull)
  }

  @Test func aTopProbabilityBelowTheMinimumAbstainsWithItsCandidate() throws {
    let model = try Self.singleLabelModel()
    let (object, predictor) = try Self.line(
      "the team", model: model, options: PredictionOptions(minimumProbability: 0.9999))
    let answer = try Self.task(object, "topic")
    let best = predictor.best(ofTask: 1)
    #expect(best.probability < 0.9999)
    #expect(answer["label"] is NSNull)
    #expect(answer["reason"] as? String == "below 0.9999")
    #expect(answer["candidate"] as? String == model.manifest.tasks[1].labels[best.label])
    let probability = try #require(answer["probability"] as? Double)
    #expect(abs(probability - Double(best.probability)) <= 5e-6)

    let answered = try Self.line(
      "the team", model: model, options: PredictionOptions(minimumProbability: 0)
    ).object
    #expect(try Self.task(answered, "topic")["label"] as? String == answer["candidate"] as? String)
    // The second task's label cell is empty, and its reason says why.
    let row = try Self.tsvRow(
      "the team", model: model, options: PredictionOptions(minimumProbability: 0.9999))
    #expect(row[3] == "")
    #expect(row[5] == "below 0.9999")
  }

  /// A task's own `minProbability` applies unless the options override it.
  @Test func theModelsMinimumAppliesUnlessOverridden() throws {
    var model = try Self.singleLabelModel()
    model.manifest.tasks[1].minProbability = 0.9999
    let own = try Self.line("the team", model: model).object
    #expect(try Self.task(own, "topic")["label"] is NSNull)
    #expect(try Self.task(own, "spam").keys.contains("candidate") == false)
    let overridden = try Self.line(
      "the team", model: model, options: PredictionOptions(minimumProbability: 0.01)
    ).object
    #expect(try Self.task(overridden, "topic")["label"] is String)
  }

  @Test func theTasksOptionAnswersOnlyThoseInModelOrder() throws {
    let model = try Self.singleLabelModel()
    let (object, _) = try Self.line(
      "free prize", model: model, options: PredictionOptions(tasks: ["topic"]))
    #expect(object.keys.sorted() == ["topic"])
    let both = try PredictionFormatter(
      model: model, options: PredictionOptions(tasks: ["topic", "spam"]))
    #expect(both.taskIndices == [0, 1])
    let formatter = try PredictionFormatter(
      model: model, options: PredictionOptions(tasks: ["topic"]))
    #expect(formatter.tsvHeader() == "topic\ttopic_probability\ttopic_reason\n")
    #expect(throws: PredictionError.unknownTask("mood", known: ["spam", "topic"])) {
      try PredictionFormatter(model: model, options: PredictionOptions(tasks: ["mood"]))
    }
  }

  @Test func tsvRowsHaveALabelProbabilityAndReasonPerTask() throws {
    let model = try Self.singleLabelModel()
    let formatter = try PredictionFormatter(model: model)
    #expect(
      formatter.tsvHeader()
        == "spam\tspam_probability\tspam_reason\ttopic\ttopic_probability\ttopic_reason\n")
    #expect(formatter.tsvHeader(identifierField: "id").hasPrefix("id\tspam\t"))
    let row = try Self.tsvRow("free prize now", model: model)
    #expect(row.count == 6)
    #expect(row[0] == "spam")
    #expect(Double(row[1]).map { $0 > 0.5 && $0 <= 1 } == true)
    #expect(row[2] == "")
    // No known token: no label, no probability (it would be the prior), and the reason.
    let unknown = try Self.tsvRow("zzz", model: model)
    #expect(unknown == ["", "", "no known tokens", "", "", "no known tokens"])
  }

  /// Labels with quotes, backslashes, control characters and non-ASCII letters survive.
  @Test func labelsAndTokensAreEscapedAsJSON() throws {
    let labels = ["say \"hi\"", "back\\slash\ttab\u{1}", "naïve — ünïcode"]
    let examples = (0..<3).flatMap { round in
      labels.enumerated().map { index, label in
        Example(
          text: ["alpha", "beta", "gamma"][index] + " word\(round)",
          labels: ["t \"quoted\"": label])
      }
    }
    var training = TrainingConfiguration(epochs: 40, learningRate: 0.5, optimizer: .sgd)
    training.seed = 2
    let model = try Trainer(
      tasks: [TaskSpecification(name: "t \"quoted\"")],
      features: FeatureConfiguration(buckets: 100), model: ModelConfiguration(dimension: 4),
      training: training
    ).train(examples: examples)
    let names = model.manifest.tasks[0].labels.labels
    var seen: Set<String> = []
    for word in ["alpha", "beta", "gamma"] {
      let (object, _) = try Self.line(
        "\"\(word)\"\n\\", model: model, options: PredictionOptions(topK: 3, explain: 2))
      let answer = try Self.task(object, "t \"quoted\"")
      let label = try #require(answer["label"] as? String)
      #expect(names.contains(label))
      seen.insert(label)
      let top = try #require(answer["top"] as? [[String: Any]])
      #expect(Set(top.compactMap { $0["label"] as? String }) == Set(names))
    }
    #expect(seen == Set(labels))
  }

  // MARK: Multi-label tasks

  @Test func aMultiLabelTaskListsTheLabelsAboveTheirThresholds() throws {
    let model = try MultiLabelTrainingTests.train()
    let thresholds = try #require(model.manifest.tasks[0].thresholds)
    for (text, expected) in [
      ("red blue car", Set(["a", "b"])), ("a red door", ["a"]), ("the small house", []),
    ] as [(String, Set<String>)] {
      let (object, predictor) = try Self.line(text, model: model)
      let answer = try Self.task(object, "colour")
      #expect(answer.keys.sorted() == ["labels"])
      let listed = try #require(answer["labels"] as? [[String: Any]])
      #expect(Set(listed.compactMap { $0["label"] as? String }) == expected)
      let probabilities = listed.compactMap { $0["probability"] as? Double }
      #expect(probabilities == probabilities.sorted(by: >))
      let all = predictor.withProbabilities(ofTask: 0) { Array($0) }
      for entry in listed {
        let label = try #require(entry["label"] as? String)
        let index = try #require(model.manifest.tasks[0].labels.labels.firstIndex(of: label))
        #expect(all[index] >= thresholds[index])
        #expect(entry.keys.sorted() == ["label", "probability"])
      }
    }
  }

  @Test func topKMarksWhichOfTheMostProbableLabelsAreSelected() throws {
    let model = try MultiLabelTrainingTests.train()
    let thresholds = try #require(model.manifest.tasks[0].thresholds)
    for text in ["a red door", "the small house", "blue red"] {
      let (object, predictor) = try Self.line(
        text, model: model, options: PredictionOptions(topK: 2, explain: 2))
      let listed = try #require(try Self.task(object, "colour")["labels"] as? [[String: Any]])
      #expect(listed.count == 2)
      let all = predictor.withProbabilities(ofTask: 0) { Array($0) }
      let probabilities = listed.compactMap { $0["probability"] as? Double }
      #expect(probabilities == probabilities.sorted(by: >))
      for entry in listed {
        let label = try #require(entry["label"] as? String)
        let index = try #require(model.manifest.tasks[0].labels.labels.firstIndex(of: label))
        #expect(entry["selected"] as? Bool == (all[index] >= thresholds[index]))
        let explanation = try #require(entry["explanation"] as? [[String: Any]])
        #expect(explanation.count <= 2)
        #expect(explanation.allSatisfy { $0["token"] is String && $0["contribution"] is Double })
      }
    }
  }

  @Test func aMultiLabelTaskWithoutKnownTokensAnswersNullLabels() throws {
    let model = try MultiLabelTrainingTests.train()
    let (object, _) = try Self.line("zebra", model: model, options: PredictionOptions(topK: 2))
    let answer = try Self.task(object, "colour")
    #expect(answer.keys.sorted() == ["labels", "reason"])
    #expect(answer["labels"] is NSNull)
    #expect(answer["reason"] as? String == "no known tokens")
    // A minimum probability is for single-label tasks; a multi-label one keeps its list.
    let kept = try Self.line(
      "red blue", model: model, options: PredictionOptions(minimumProbability: 1)
    ).object
    #expect((try Self.task(kept, "colour")["labels"] as? [Any])?.count == 2)
  }

  @Test func tsvJoinsMultiLabelLabelsWithABar() throws {
    let model = try MultiLabelTrainingTests.train()
    let both = try Self.tsvRow("red blue car", model: model)
    #expect(both.count == 3)
    #expect(both[2] == "")
    #expect(["a|b", "b|a"].contains(both[0]))
    let predictor = try Predictor(model: model)
    _ = try predictor.predict("red blue car")
    let order = predictor.selectedLabels(ofTask: 0).map { model.manifest.tasks[0].labels[$0.label] }
    #expect(both[0] == order.joined(separator: "|"))
    #expect(try Self.tsvRow("the small house", model: model)[0] == "")
    #expect(try Self.tsvRow("a red door", model: model)[0] == "a")
  }

  // MARK: JSON pieces

  @Test func stringsRoundTripThroughJSONEscaping() throws {
    let text =
      String((0..<0x20).map { Character(Unicode.Scalar($0)) }) + "\"\\/\u{7F} é 日本 🙂"
    var bytes: [UInt8] = []
    JSONBytes.appendString(text, to: &bytes)
    let decoded =
      try JSONSerialization.jsonObject(
        with: Data(bytes), options: .fragmentsAllowed) as? String
    #expect(decoded == text)
  }

  @Test(
    arguments: [
      (Float(0), 0.0), (1, 1), (0.5, 0.5), (0.971234, 0.97123), (0.123456, 0.12346), (1.7, 1),
      (-0.2, 0), (.nan, 0), (.infinity, 1),
    ] as [(Float, Double)])
  func probabilitiesHaveFiveDecimalsWithinZeroAndOne(value: Float, expected: Double) throws {
    var bytes: [UInt8] = []
    JSONBytes.appendProbability(value, to: &bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.split(separator: ".").last?.count == 5, "\(text)")
    let parsed = try #require(Double(text))
    #expect(abs(parsed - expected) < 1e-9, "\(text)")
  }

  @Test(
    arguments: [
      (-1.73124, -1.7312), (12.5, 12.5), (-0.00001, 0), (0.00016, 0.0002), (.infinity, 0),
      (-.nan, 0),
    ] as [(Double, Double)])
  func contributionsHaveFourDecimalsAndASign(value: Double, expected: Double) throws {
    var bytes: [UInt8] = []
    JSONBytes.appendSigned(value, to: &bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.split(separator: ".").last?.count == 4, "\(text)")
    #expect(!text.hasPrefix("-0.0000"), "no negative zero: \(text)")
    let parsed = try #require(
      JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? Double)
    #expect(abs(parsed - expected) < 1e-9, "\(text)")
  }
}
