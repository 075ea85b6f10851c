import Testing

@testable import MultiTaskText

/// The explainer against a reference written the obvious way: features rebuilt by hand from
/// the token strings, the document vector summed as a loop, every dot product spelled out.
extension ExplainerTests {
  /// Three labels, trigrams, 2–4-character subwords and a private table, with random weights.
  static func handMade() -> MultiTaskModel {
    let features = FeatureConfiguration(
      wordNgrams: 3, buckets: 50, minCharNgram: 2, maxCharNgram: 4)
    var manifest = ModelManifest(
      normalizer: TextNormalizer(), tokenizer: Tokenizer(), features: features, dimension: 4,
      tasks: [
        ModelManifest.Task(name: "mood", labels: LabelSet(["negative", "neutral", "positive"]))
      ],
      training: TrainingConfiguration(epochs: 1))
    manifest.privateRows = 5
    var generator = SplitMix64(seed: 11)
    let vocabulary = Vocabulary(
      tokens: ["not", "bad", "good", "film", "a"], counts: [5, 4, 3, 2, 1])
    return MultiTaskModel(
      manifest: manifest, vocabulary: vocabulary,
      embeddings: EmbeddingTable(
        Matrix(rows: 55, columns: 4, uniformBound: 1, using: &generator)),
      heads: [Matrix(rows: 3, columns: 4, uniformBound: 1, using: &generator)],
      privateEmbeddings: [Matrix(rows: 5, columns: 4, uniformBound: 1, using: &generator)])
  }

  /// Each unit's features, from the token strings alone.
  static func naiveUnits(of words: [String], model: MultiTaskModel) -> [(FeatureSource, [Int32])] {
    let vocabularySize = model.vocabulary.count
    let configuration = model.manifest.features
    var units: [(FeatureSource, [Int32])] = []
    for (index, word) in words.enumerated() {
      let id = model.vocabulary.id(of: word)
      let known: [Int32] = id.isInVocabulary ? [id.rawValue] : []
      let subwords = FeaturizerTests.naiveCharacterNgrams(
        word: word, minimum: configuration.minCharNgram, maximum: configuration.maxCharNgram,
        vocabularySize: vocabularySize, buckets: configuration.buckets)
      units.append((.token(index: index), known + subwords))
    }
    for first in words.indices {
      for count in stride(from: 2, through: configuration.wordNgrams, by: 1)
      where first + count <= words.count {
        var hash = UInt64(FNV1a.hash(words[first]))
        for next in (first + 1)..<(first + count) {
          hash = hash &* 116_049_371 &+ UInt64(FNV1a.hash(words[next]))
        }
        let row = Int32(vocabularySize + Int(hash % UInt64(configuration.buckets)))
        units.append((.wordNgram(first: first, count: count), [row]))
      }
    }
    return units.filter { !$0.1.isEmpty }
  }

  /// Feature `id`'s shared row plus its private row, as doubles.
  static func naiveRow(_ id: Int32, model: MultiTaskModel) -> [Double] {
    let shared = model.embeddings.row(Int(id))
    let privateRow = model.privateEmbeddings[0].row(
      PrivateRows.row(of: id, buckets: model.manifest.privateBuckets))
    return zip(shared, privateRow).map { Double($0) + Double($1) }
  }

  @Test(arguments: [
    "not bad, a good film", "a film", "NOT good not bad", "zzz film zzz", "café ﬁlm 42", "",
  ])
  func agreesWithANaiveReference(text: String) throws {
    let model = Self.handMade()
    let words = try TextPipeline(normalizer: TextNormalizer(), tokenizer: Tokenizer())
      .tokenize(text).texts
    let units = Self.naiveUnits(of: words, model: model)
    let count = units.reduce(0) { $0 + $1.1.count }
    var vector = [Double](repeating: 0, count: 4)
    for (_, features) in units {
      for id in features {
        for (column, value) in Self.naiveRow(id, model: model).enumerated() {
          vector[column] += value / Double(count)
        }
      }
    }
    let head = model.heads[0]
    let scores = (0..<3).map { label in
      (0..<4).reduce(0.0) { $0 + Double(head[label, $1]) * vector[$1] }
    }
    // Most probable first; equal scores keep label order.
    let ranked = scores.indices.sorted {
      scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1
    }
    let (chosen, rival) = (ranked[0], ranked[1])
    let direction = (0..<4).map { Double(head[chosen, $0]) - Double(head[rival, $0]) }
    var expected: [FeatureSource: Double] = [:]
    for (source, features) in units {
      expected[source] = features.reduce(0.0) { total, id in
        total
          + zip(direction, Self.naiveRow(id, model: model)).reduce(0.0) { $0 + $1.0 * $1.1 }
          / Double(count)
      }
    }

    let explanation = try Explainer(model: model).explain(text, task: 0)
    #expect(explanation.featureCount == count)
    #expect(explanation.label == ["negative", "neutral", "positive"][chosen])
    #expect(explanation.referenceLabel == ["negative", "neutral", "positive"][rival])
    #expect(abs(explanation.margin - (scores[chosen] - scores[rival])) < 1e-5)
    #expect(explanation.contributions.count == expected.count)
    for contribution in explanation.contributions {
      let value = try #require(expected[contribution.source], "\(contribution.source)")
      #expect(abs(contribution.value - value) < 1e-9, "\(contribution.text)")
    }
  }
}
