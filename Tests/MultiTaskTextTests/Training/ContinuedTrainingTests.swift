import Testing

@testable import MultiTaskText

/// Continued training starts from a saved model: old words keep their ids and rows, old
/// labels keep their head rows, and new words, labels and tasks are added.
struct ContinuedTrainingTests {
  static let first: [Example] = [
    Example(text: "great film", labels: ["sentiment": "positive"]),
    Example(text: "awful film", labels: ["sentiment": "negative"]),
    Example(text: "great acting", labels: ["sentiment": "positive"]),
    Example(text: "awful plot", labels: ["sentiment": "negative"]),
  ]
  static let second: [Example] = [
    Example(text: "boring plot", labels: ["sentiment": "neutral"]),
    Example(text: "great plot", labels: ["sentiment": "positive", "topic": "film"]),
    Example(text: "striker scored", labels: ["topic": "sport"]),
  ]

  static func trainer(_ tasks: [String], learningRate: Double = 0.1) -> Trainer {
    Trainer(
      tasks: tasks.map { TaskSpecification(name: $0) },
      features: FeatureConfiguration(wordNgrams: 1, buckets: 16),
      model: ModelConfiguration(dimension: 4),
      training: TrainingConfiguration(epochs: 3, learningRate: learningRate))
  }

  @Test func theExtendedVocabularyKeepsOldIdsFirst() {
    var builder = VocabularyBuilder()
    for word in ["zebra", "apple", "apple", "kiwi"] {
      var bytes = Array(word.utf8)
      let hash = FNV1a.hash(bytes)
      _ = bytes.withUnsafeMutableBufferPointer { builder.add(UnsafeBufferPointer($0), hash: hash) }
    }
    let base = Vocabulary(tokens: ["kiwi", "pear"], counts: [5, 3])
    let (vocabulary, remap) = builder.build(minCount: 1, extending: base)
    #expect(vocabulary.tokens == ["kiwi", "pear", "apple", "zebra"])
    #expect(vocabulary.counts == [6, 3, 2, 1])
    #expect(remap == [3, 2, 0])
  }

  @Test func oldRowsAndHeadsStartTheRunAndNewOnesAreAdded() throws {
    let base = try Self.trainer(["sentiment"]).train(examples: Self.first)
    // A rate too small to move anything shows where each parameter started.
    let trainer = try Self.trainer(["sentiment", "topic"], learningRate: 1e-9)
      .continuing(from: base)
    var builder = try trainer.datasets.makeTrainingSetBuilder(continuing: base)
    for example in Self.second { try builder.add(example) }
    let data = try builder.finish(features: trainer.features)
    let model = try trainer.train(on: data, continuing: base)

    #expect(Array(model.vocabulary.tokens.prefix(base.vocabulary.count)) == base.vocabulary.tokens)
    #expect(model.vocabulary.id(of: "boring").isInVocabulary)
    let plot = Int(base.vocabulary.id(of: "plot").rawValue)
    let before = base.embeddings.row(plot)
    let after = model.embeddings.row(plot)
    #expect(zip(before, after).allSatisfy { abs($0 - $1) < 1e-5 })

    let labels = model.manifest.tasks[0].labels.labels
    #expect(labels == ["negative", "neutral", "positive"])
    let oldPositive = try #require(base.manifest.tasks[0].labels.id(of: "positive"))
    let newPositive = try #require(model.manifest.tasks[0].labels.id(of: "positive"))
    let oldRow = Array(base.heads[0].row(Int(oldPositive.rawValue)))
    let newRow = Array(model.heads[0].row(Int(newPositive.rawValue)))
    #expect(zip(oldRow, newRow).allSatisfy { abs($0 - $1) < 1e-5 })
    #expect(model.manifest.tasks.map(\.name) == ["sentiment", "topic"])
  }

  @Test func otherTextOrFeatureSettingsAreAClearError() throws {
    let base = try Self.trainer(["sentiment"]).train(examples: Self.first)
    var other = Self.trainer(["sentiment"])
    other.features.buckets = 32
    other.model.dimension = 8
    #expect(
      throws: TrainingError.incompatibleInitialModel(settings: [
        "features.buckets: 16 in the model, 32 here", "model.dimension: 4 in the model, 8 here",
      ])
    ) { try other.continuing(from: base) }
  }
}
