import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// Overfit a multi-label toy set, save, reload, and answer the same: the words decide the
/// labels ("red" is `a`, "blue" is `b`), so a document can have both labels or neither.
@Suite struct MultiLabelTrainingTests {
  static let fillers = [
    "the", "a", "big", "small", "car", "house", "shirt", "ball", "on", "with", "my", "old",
    "new", "door", "hat",
  ]

  /// `perCombination` documents of each kind (red, blue, both, neither), with filler words
  /// around the colour words.
  static func corpus(seed: UInt64, perCombination: Int) -> [Example] {
    var generator = SplitMix64(seed: seed)
    var examples: [Example] = []
    for _ in 0..<perCombination {
      for (hasRed, hasBlue) in [(true, false), (false, true), (true, true), (false, false)] {
        var words = (0..<3).map { _ in fillers[Int(generator.next() % UInt64(fillers.count))] }
        if hasRed { words.insert("red", at: Int(generator.next() % UInt64(words.count + 1))) }
        if hasBlue { words.insert("blue", at: Int(generator.next() % UInt64(words.count + 1))) }
        let labels = (hasRed ? ["a"] : []) + (hasBlue ? ["b"] : [])
        examples.append(
          Example(text: words.joined(separator: " "), labelLists: ["colour": labels]))
      }
    }
    return examples
  }

  static func trainer(thresholds: ThresholdChoice = .tuned, wordNgrams: Int? = 1) -> Trainer {
    var task = TaskSpecification(name: "colour")
    task.type = .multiLabel
    task.thresholds = thresholds
    var training = TrainingConfiguration(epochs: 30, learningRate: 0.5, optimizer: .sgd)
    training.seed = 3
    return Trainer(
      tasks: [task], features: FeatureConfiguration(wordNgrams: wordNgrams, buckets: 2_000),
      model: ModelConfiguration(dimension: 16), training: training)
  }

  static func train(thresholds: ThresholdChoice = .tuned) throws -> MultiTaskModel {
    try trainer(thresholds: thresholds).train(
      examples: corpus(seed: 1, perCombination: 12),
      development: corpus(seed: 2, perCombination: 5))
  }

  static func selected(_ predictor: Predictor, _ text: String) throws -> [String] {
    _ = try predictor.predict(text)
    let labels = predictor.model.manifest.tasks[0].labels
    return predictor.selectedLabels(ofTask: 0).map { labels[$0.label] }
  }

  static let probes = [
    "red blue car", "my old blue hat", "a red door", "the small house", "blue red", "hat",
  ]

  @Test func learnsWhichWordsGiveWhichLabelsBothOrNeither() throws {
    let model = try Self.train()
    let task = model.manifest.tasks[0]
    #expect(task.isMultiLabel)
    #expect(task.labels.labels == ["a", "b"])
    let thresholds = try #require(task.thresholds)
    #expect(thresholds.count == 2)
    #expect(thresholds.allSatisfy { $0 > 0 && $0 < 1 })
    #expect(task.temperature == nil)
    #expect(model.manifest.features.documentMarker)

    let predictor = try Predictor(model: model)
    #expect(Set(try Self.selected(predictor, "red blue car")) == ["a", "b"])
    #expect(try Self.selected(predictor, "the small house") == [])
    #expect(try Self.selected(predictor, "a red door") == ["a"])
    #expect(try Self.selected(predictor, "my old blue hat") == ["b"])
    // Both selected, the more probable first.
    let both = try predictor.predict("blue red")[0].distribution.map(\.probability)
    let order = predictor.selectedLabels(ofTask: 0).map(\.probability)
    #expect(order == both.sorted(by: >))
  }

  @Test func scoresPerfectlyOnItsOwnDevelopmentSet() throws {
    let model = try Self.train()
    let scorer = try Evaluator(model: model).scorer(forTask: "colour")
    for example in Self.corpus(seed: 2, perCombination: 5) { try scorer.record(example) }
    let report = try #require(scorer.multiLabelReport)
    #expect(report.counts.documents == 20)
    #expect(report.counts.subsetAccuracy == 1)
    #expect(report.counts.macroF1 == 1)
    #expect(report.thresholds == model.manifest.tasks[0].thresholds)
    #expect(scorer.calibrationReport == nil)
  }

  @Test func survivesSavingAndReloadingWithTheSameAnswers() throws {
    let model = try Self.train()
    let directory = try TemporaryDirectory()
    let path = directory.url.appendingPathComponent("colour.mtl").path
    try ModelFile.write(model, to: path)
    let reloaded = try ModelFile.read(path: path)
    #expect(reloaded.manifest == model.manifest)
    #expect(reloaded.manifest.tasks[0].thresholds == model.manifest.tasks[0].thresholds)
    let before = try Predictor(model: model)
    let after = try Predictor(model: reloaded)
    for text in Self.probes {
      #expect(try before.predict(text) == after.predict(text), "\(text)")
      #expect(
        before.selectedLabels(ofTask: 0).map(\.label)
          == after.selectedLabels(ofTask: 0).map(\.label))
    }
    #expect(try ModelFile.encode(reloaded) == ModelFile.encode(model))
  }

  @Test func trainingTwiceGivesTheSameBytes() throws {
    #expect(try ModelFile.encode(Self.train()) == ModelFile.encode(Self.train()))
  }

  @Test func fixedThresholdsAreWrittenForEveryLabel() throws {
    let model = try Self.train(thresholds: .fixed(0.3))
    #expect(model.manifest.tasks[0].thresholds == [0.3, 0.3])
    // Without dev data, tuned thresholds fall back to 0.5.
    let undeveloped = try Self.trainer().train(examples: Self.corpus(seed: 1, perCombination: 6))
    #expect(undeveloped.manifest.tasks[0].thresholds == [0.5, 0.5])
  }

  /// Automatic word n-grams are words alone for a multi-label model; a single-label model on
  /// the same short documents gets bigrams and no marker.
  @Test func multiLabelModelsUseWordsAloneAndTheMarker() throws {
    let examples = Self.corpus(seed: 1, perCombination: 4)
    let multi = try Self.trainer(wordNgrams: nil).datasets.makeTrainingData(examples)
    #expect(multi.features.wordNgrams == 1)
    #expect(multi.features.documentMarker)
    #expect(multi.set.isMultiLabel(0))
    #expect(multi.set.labelListOffsets.count == examples.count + 1)
    // Lists are stored sorted by label id, empty lists included.
    for document in 0..<examples.count {
      let list = multi.set.labelList(multi.set.label(document: document, task: 0))
      let names = list.map { multi.labelSets[0].labels[Int($0)] }
      #expect(names == examples[document].labelLists["colour"]?.sorted())
    }

    let single = Trainer(
      tasks: [TaskSpecification(name: "colour")], features: FeatureConfiguration(buckets: 2_000))
    let singleExamples = examples.map { example -> Example in
      let list = example.labelLists["colour"] ?? []
      return Example(text: example.text, labels: ["colour": list.first ?? "none"])
    }
    let data = try single.datasets.makeTrainingData(singleExamples)
    #expect(data.features.wordNgrams == 2)
    #expect(!data.features.documentMarker)
  }

  static func features(
    _ tokens: [(String, Int32)], marker: Bool, wordNgrams: Int = 2
  ) throws -> (features: [Int32], featurizer: Featurizer) {
    var configuration = FeatureConfiguration(wordNgrams: wordNgrams, buckets: 97)
    configuration.documentMarker = marker
    let featurizer = try Featurizer(configuration: configuration, vocabularySize: 5)
    var document = EncodedDocument()
    for (text, id) in tokens { document.append(TokenID(id), utf8: text.utf8) }
    var features: [Int32] = [42]
    featurizer.appendFeatures(of: document, to: &features)
    return (Array(features.dropFirst()), featurizer)
  }

  /// The marker is one more feature, after the others, for any document with a feature;
  /// an empty document (or one with nothing known) stays empty.
  @Test(
    arguments: [
      [("red", 0), ("car", 3)], [("red", 0)], [("new", -1), ("words", -1)], [], [("new", -1)],
    ] as [[(String, Int32)]])
  func theMarkerAddsOneFeatureToEveryDocumentWithOne(tokens: [(String, Int32)]) throws {
    let (plain, _) = try Self.features(tokens, marker: false)
    let (marked, featurizer) = try Self.features(tokens, marker: true)
    if plain.isEmpty {
      #expect(marked.isEmpty)
    } else {
      #expect(marked == plain + [featurizer.markerRow])
    }
    #expect((5..<(5 + 97)).contains(featurizer.markerRow))
    // Words alone: out-of-vocabulary tokens give no feature, hence no marker either.
    let (wordsOnly, _) = try Self.features(tokens, marker: true, wordNgrams: 1)
    let known = tokens.filter { $0.1 >= 0 }.map(\.1)
    #expect(wordsOnly == (known.isEmpty ? [] : known + [featurizer.markerRow]))
  }

  @Test func aDocumentWithNothingKnownHasNoFeatureEvenWithTheMarker() throws {
    let model = try Self.train()
    let predictor = try Predictor(model: model)
    _ = try predictor.predict("")
    #expect(!predictor.hadKnownFeatures)
    _ = try predictor.predict("zebra")
    #expect(!predictor.hadKnownFeatures)
    _ = try predictor.predict("zebra red")
    #expect(predictor.hadKnownFeatures)
    // With bigrams, two unknown words have a feature, the bigram, whose row was never
    // trained, and the marker, which is no evidence: still nothing known.
    let bigrams = try Self.trainer(wordNgrams: 2).train(
      examples: Self.corpus(seed: 1, perCombination: 6))
    let bigramPredictor = try Predictor(model: bigrams)
    _ = try bigramPredictor.predict("zebra zoo")
    #expect(!bigramPredictor.encoder.features.isEmpty)
    #expect(!bigramPredictor.hadKnownFeatures)
    _ = try bigramPredictor.predict("zebra blue")
    #expect(bigramPredictor.hadKnownFeatures)
  }
}
