import Foundation
import Testing

@testable import MultiTaskText

struct ExplainerTests {
  /// Sentiment and topic, with negations so that bigrams such as "not bad" carry weight.
  static let examples: [Example] =
    [
      ("a wonderful and moving film", "positive"),
      ("i loved every minute of it", "positive"),
      ("brilliant acting and a great story", "positive"),
      ("not bad at all, a great surprise", "positive"),
      ("a dull and boring mess", "negative"),
      ("i hated the awful ending", "negative"),
      ("terrible script and weak acting", "negative"),
      ("not good, a boring film", "negative"),
    ].map { Example(text: $0.0, labels: ["sentiment": $0.1]) }
    + [
      ("the striker scored twice in the final match", "sports"),
      ("fans cheered as the team won the league title", "sports"),
      ("parliament passed the budget after a long debate", "politics"),
      ("the minister resigned over the election scandal", "politics"),
    ].map { Example(text: $0.0, labels: ["topic": $0.1]) }

  static let texts = [
    "A WONDERFUL story, not bad at all", "boring and awful", "the team won the match",
    "Café 42 brilliant acting https://example.com", "zzz qqq", "", "not not not",
  ]

  /// A model trained on ``examples``: words and bigrams, optionally with subwords and a
  /// shared-private encoder.
  static func trained(characterNgrams: Bool = false, privateBuckets: Int = 0) throws
    -> MultiTaskModel
  {
    var training = TrainingConfiguration()
    training.epochs = 40
    let features = FeatureConfiguration(
      wordNgrams: 2, buckets: 2_000, minCharNgram: characterNgrams ? 3 : 0,
      maxCharNgram: characterNgrams ? 5 : 0)
    return try Trainer(
      tasks: [TaskSpecification(name: "sentiment"), TaskSpecification(name: "topic")],
      features: features,
      model: ModelConfiguration(dimension: 8, privateBuckets: privateBuckets), training: training
    ).train(examples: examples)
  }

  static let models: [(characterNgrams: Bool, privateBuckets: Int)] = [
    (false, 0), (true, 0), (true, 16),
  ]

  @Test(arguments: models)
  func contributionsSumToTheLogOddsOfThePredictionAgainstTheRunnerUp(
    characterNgrams: Bool, privateBuckets: Int
  ) throws {
    let model = try Self.trained(characterNgrams: characterNgrams, privateBuckets: privateBuckets)
    if privateBuckets > 0 { #expect(model.privateEmbeddings.count == 2) }
    let explainer = try Explainer(model: model)
    let predictor = try Predictor(model: model)
    for text in Self.texts {
      let answers = try predictor.predict(text)
      for task in 0..<2 {
        let explanation = try explainer.explain(text, task: task)
        let total = explanation.contributions.reduce(0) { $0 + $1.value }
        #expect(abs(total - explanation.margin) < 1e-4, "\(text)")
        // The margin is the log of the probability ratio the predictor reports.
        let probabilities = Dictionary(uniqueKeysWithValues: answers[task].distribution)
        let reference = try #require(explanation.referenceLabel)
        let logOdds = log(
          Double(try #require(probabilities[explanation.label]))
            / Double(try #require(probabilities[reference])))
        #expect(abs(explanation.margin - logOdds) < 1e-4, "\(text)")
        #expect(explanation.label == answers[task].label)
        #expect(abs(explanation.probability - Double(answers[task].probability)) < 1e-6)
      }
    }
  }

  @Test func measuredFromZeroTheyExplainEachScoreAlone() throws {
    let explainer = try Explainer(model: try Self.trained(characterNgrams: true))
    let text = "not bad, a wonderful film"
    let positive = try explainer.explain(
      text, task: "sentiment", label: "positive", reference: .zero)
    let negative = try explainer.explain(
      text, task: "sentiment", label: "negative", reference: .zero)
    let contrast = try explainer.explain(text, task: "sentiment", label: "positive")
    #expect(positive.referenceLabel == nil)
    #expect(abs(positive.contributions.reduce(0) { $0 + $1.value } - positive.margin) < 1e-4)
    #expect(abs(positive.margin - negative.margin - contrast.margin) < 1e-4)
  }

  @Test func explainingTheLosingLabelComparesItWithThePrediction() throws {
    let explainer = try Explainer(model: try Self.trained())
    let winner = try explainer.explain("a boring mess", task: "sentiment")
    let loser = try explainer.explain(
      "a boring mess", task: "sentiment", label: winner.referenceLabel)
    #expect(winner.label == "negative")
    #expect(loser.label == "positive" && loser.referenceLabel == "negative")
    #expect(abs(loser.margin + winner.margin) < 1e-6)
    #expect(loser.margin < 0)
  }

  /// Removing the token that argues hardest for the prediction must weaken the prediction.
  @Test(arguments: [
    "a wonderful and moving story", "the awful and boring ending", "i loved the great acting",
    "terrible weak script", "the striker scored in the match",
  ])
  func removingTheTopTokenLowersTheLabelsProbability(text: String) throws {
    let model = try Self.trained(characterNgrams: true)
    let explainer = try Explainer(model: model)
    let task = text.contains("striker") ? 1 : 0
    let explanation = try explainer.explain(text, task: task)
    let top = try #require(explanation.tokenContributions.max { $0.value < $1.value })
    #expect(top.value > 0)
    var bytes = Array(text.utf8)
    bytes.removeSubrange(top.originalRange)
    let shorter = String(decoding: bytes, as: UTF8.self)
    let after = try Predictor(model: model).predict(shorter)[task].distribution
    let probability = try #require(after.first { $0.label == explanation.label }).probability
    #expect(Double(probability) < explanation.probability, "\(shorter)")
  }

  @Test(arguments: ["", "   ", "zzz", "qqq!!"])
  func aTextWithoutKnownFeaturesHasAnEmptyExplanation(text: String) throws {
    let explainer = try Explainer(model: try Self.trained())
    let explanation = try explainer.explain(text, task: "sentiment")
    #expect(explanation.contributions.isEmpty)
    // Unknown words have no rows; their bigram has one, never trained, so all zero.
    #expect(explanation.featureCount == (text == "qqq!!" ? 2 : 0))
    #expect(explanation.margin == 0)
    #expect(explanation.top(5).isEmpty)
  }

  @Test func tokensAreReportedAsWrittenAndBigramsByTheirWords() throws {
    let explainer = try Explainer(model: try Self.trained())
    let text = "NOT  Bad at ALL"
    let explanation = try explainer.explain(text, task: "sentiment")
    let texts = Set(explanation.contributions.map(\.text))
    #expect(texts.isSuperset(of: ["NOT", "Bad", "at", "ALL", "NOT Bad", "Bad at", "at ALL"]))
    let bigram = try #require(explanation.contributions.first { $0.text == "NOT Bad" })
    #expect(bigram.source == .wordNgram(first: 0, count: 2))
    #expect(bigram.featureCount == 1)
    #expect(Array(Array(text.utf8)[bigram.originalRange]) == Array("NOT  Bad".utf8))
    #expect(explanation.tokenContributions.map(\.text) == ["NOT", "Bad", "at", "ALL"])
    // Sorted by value, largest first.
    let values = explanation.contributions.map(\.value)
    #expect(values == values.sorted(by: >))
    #expect(
      try explainer.topContributions(text, task: 0, count: 2).map(\.token)
        == explanation.top(2).map(\.text))
  }

  @Test func thePredictorExplainsItsLastDocument() throws {
    let model = try Self.trained()
    let predictor = try Predictor(model: model)
    var text = "Brilliant acting"
    try text.withUTF8Bytes { (bytes) throws(TextError) in try predictor.run(bytes) }
    let normalized = predictor.topContributions(ofTask: 0, count: 10)
    #expect(Set(normalized.map(\.token)) == ["brilliant", "acting", "brilliant acting"])
    let explained = try Explainer(model: model).explain(text, task: 0)
    #expect(normalized.map(\.contribution) == explained.contributions.map(\.value))
  }

  @Test func unknownNamesAreTypedErrors() throws {
    let explainer = try Explainer(model: try Self.trained())
    #expect(throws: ExplanationError.unknownTask("mood", known: ["sentiment", "topic"])) {
      try explainer.explain("fine", task: "mood")
    }
    #expect(
      throws: ExplanationError.unknownLabel(
        "neutral", task: "sentiment", known: ["negative", "positive"])
    ) {
      try explainer.explain("fine", task: "sentiment", label: "neutral")
    }
  }
}
