import Testing

@testable import MultiTaskText

struct FeatureGroupsTests {
  static let configurations = [
    FeatureConfiguration(wordNgrams: 1, buckets: 100),
    FeatureConfiguration(wordNgrams: 2, buckets: 100, minCharNgram: 3, maxCharNgram: 5),
    FeatureConfiguration(wordNgrams: 4, buckets: 7, minCharNgram: 1, maxCharNgram: 2),
  ]

  static let texts = [
    "", "word", "the cat sat on the mat, not bad", "Café ﬁne 42 https://example.com 東京タワー",
    "a a a a a",
  ]

  /// The groups hold exactly the features the document encoder trains and predicts on: the
  /// same ids, as many times each, and even in the same order.
  @Test(arguments: configurations)
  func holdExactlyTheDocumentsFeatures(configuration: FeatureConfiguration) throws {
    var manifest = ExplainerTests.handMade().manifest
    manifest.features = configuration
    let vocabulary = Vocabulary(
      tokens: ["the", "cat", "a", "not", "café"], counts: [5, 4, 3, 2, 1])
    let encoder = try DocumentEncoder(manifest: manifest, vocabularySize: vocabulary.count)
    for text in Self.texts {
      var text = text
      try text.withUTF8Bytes { (bytes) throws(TextError) in
        try encoder.encode(bytes, vocabulary: vocabulary)
      }
      let groups = FeatureGroups(encoder.encoded, featurizer: encoder.featurizer)
      let regrouped = (0..<groups.count).flatMap { groups.features(ofGroup: $0) }
      #expect(regrouped == encoder.features, "\(text)")
      #expect(groups.features == encoder.features)
      let tokens = encoder.tokens.tokens.count
      #expect(groups.sources.prefix(tokens) == (0..<tokens).map { .token(index: $0) }[...])
      let ngrams = groups.sources.dropFirst(tokens)
      #expect(ngrams.allSatisfy { if case .wordNgram = $0 { true } else { false } })
      let expectedNgrams = (2...max(2, configuration.wordNgrams)).reduce(0) {
        $0 + max(0, tokens - $1 + 1)
      }
      #expect(ngrams.count == (configuration.wordNgrams < 2 ? 0 : expectedNgrams))
    }
  }

  @Test func eachWordNgramIsOneFeatureNamedByItsTokens() throws {
    let configuration = FeatureConfiguration(wordNgrams: 3, buckets: 100)
    let featurizer = try Featurizer(configuration: configuration, vocabularySize: 5)
    let document = FeaturizerTests.document([("the", 0), ("cat", -1), ("sat", 2)])
    let groups = FeatureGroups(document, featurizer: featurizer)
    #expect(
      groups.sources == [
        .token(index: 0), .token(index: 1), .token(index: 2),
        .wordNgram(first: 0, count: 2), .wordNgram(first: 0, count: 3),
        .wordNgram(first: 1, count: 2),
      ])
    // The golden ids of FeaturizerTests; the unknown "cat" has no features of its own.
    #expect(groups.features(ofGroup: 1).isEmpty)
    #expect(groups.features == [0, 2, 16, 57, 29])
  }
}
