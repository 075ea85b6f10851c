import Testing

@testable import MultiTaskText

@Suite struct FeaturizerTests {
  /// Word n-grams the obvious way: fold each window of hashes from scratch.
  static func naiveWordNgrams(hashes: [UInt32], n: Int, vocabularySize: Int, buckets: Int)
    -> [Int32]
  {
    var result: [Int32] = []
    for start in 0..<hashes.count {
      for length in stride(from: 2, through: n, by: 1) where start + length <= hashes.count {
        var hash = UInt64(hashes[start])
        for next in (start + 1)..<(start + length) {
          hash = hash &* 116_049_371 &+ UInt64(hashes[next])
        }
        result.append(Int32(vocabularySize + Int(hash % UInt64(buckets))))
      }
    }
    return result
  }

  /// Character n-grams built as Strings from the word's Unicode scalars.
  static func naiveCharacterNgrams(
    word: String, minimum: Int, maximum: Int, vocabularySize: Int, buckets: Int
  ) -> [Int32] {
    let scalars = Array(("<" + word + ">").unicodeScalars)
    var result: [Int32] = []
    for start in 0..<scalars.count {
      for length in 1...maximum where start + length <= scalars.count && length >= minimum {
        if length == 1 && (start == 0 || start + 1 == scalars.count) { continue }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<(start + length)])
        let hash = FNV1a.hash(String(view))
        result.append(Int32(vocabularySize + Int(hash % UInt32(buckets))))
      }
    }
    return result
  }

  static func document(_ tokens: [(String, Int32)]) -> EncodedDocument {
    var document = EncodedDocument()
    for (text, id) in tokens { document.append(TokenID(id), utf8: text.utf8) }
    return document
  }

  @Test func wordFeaturesMatchGoldenIds() throws {
    // Golden ids from an independent script: vocabulary 5, 100 buckets, trigrams.
    let configuration = FeatureConfiguration(wordNgrams: 3, buckets: 100)
    let featurizer = try Featurizer(configuration: configuration, vocabularySize: 5)
    let document = Self.document([("the", 0), ("cat", -1), ("sat", 2)])
    #expect(document.tokenHashes == [3_020_861_980, 108_289_031, 3_592_196_823])
    var features: [Int32] = []
    featurizer.appendFeatures(of: document, to: &features)
    #expect(features == [0, 2, 16, 57, 29])
    let naive = Self.naiveWordNgrams(
      hashes: document.tokenHashes, n: 3, vocabularySize: 5, buckets: 100)
    #expect(Array(features.dropFirst(2)) == naive)
  }

  @Test(arguments: [1, 2, 3, 5])
  func wordNgramsMatchNaiveFolding(n: Int) throws {
    let words = "a quick brown fox jumps over the lazy dog".split(separator: " ")
    let configuration = FeatureConfiguration(wordNgrams: n, buckets: 1_000)
    let featurizer = try Featurizer(configuration: configuration, vocabularySize: 4)
    let document = Self.document(words.enumerated().map { (String($1), Int32($0 % 4)) })
    var features: [Int32] = [99]  // Existing contents are kept.
    featurizer.appendFeatures(of: document, to: &features)
    let naive = Self.naiveWordNgrams(
      hashes: document.tokenHashes, n: n, vocabularySize: 4, buckets: 1_000)
    #expect(features == [99] + words.indices.map { Int32($0 % 4) } + naive)
  }

  @Test func characterNgramsMatchGoldenIds() throws {
    let configuration = FeatureConfiguration(
      wordNgrams: 1, buckets: 1_000, minCharNgram: 2, maxCharNgram: 3)
    let featurizer = try Featurizer(configuration: configuration, vocabularySize: 10)
    var features: [Int32] = []
    featurizer.appendFeatures(of: Self.document([("café", -1)]), to: &features)
    #expect(features == [522, 757, 955, 671, 480, 652, 711, 19, 23])
  }

  static let subwordCases: [(String, Int, Int)] = [
    ("café", 2, 3), ("café", 1, 6), ("学习", 1, 4), ("学习", 3, 3), ("a", 1, 3),
    ("naïve😀x", 2, 5), ("", 1, 2),
  ]

  @Test(arguments: subwordCases)
  func characterNgramsMatchStringBasedNgrams(word: String, minimum: Int, maximum: Int) throws {
    let configuration = FeatureConfiguration(
      wordNgrams: 1, buckets: 997, minCharNgram: minimum, maxCharNgram: maximum)
    let featurizer = try Featurizer(configuration: configuration, vocabularySize: 3)
    var features: [Int32] = []
    featurizer.appendFeatures(of: Self.document([(word, 2)]), to: &features)
    let naive = Self.naiveCharacterNgrams(
      word: word, minimum: minimum, maximum: maximum, vocabularySize: 3, buckets: 997)
    #expect(features == [2] + naive)
  }

  @Test func featuresFollowTokenOrderThenWordNgrams() throws {
    let configuration = FeatureConfiguration(
      wordNgrams: 2, buckets: 50, minCharNgram: 3, maxCharNgram: 3)
    let featurizer = try Featurizer(configuration: configuration, vocabularySize: 2)
    let document = Self.document([("ab", 0), ("学习", -1)])
    var features: [Int32] = []
    featurizer.appendFeatures(of: document, to: &features)
    let first = Self.naiveCharacterNgrams(
      word: "ab", minimum: 3, maximum: 3, vocabularySize: 2, buckets: 50)
    let second = Self.naiveCharacterNgrams(
      word: "学习", minimum: 3, maximum: 3, vocabularySize: 2, buckets: 50)
    let bigrams = Self.naiveWordNgrams(
      hashes: document.tokenHashes, n: 2, vocabularySize: 2, buckets: 50)
    #expect(features == [0] + first + second + bigrams)
    #expect(features.allSatisfy { $0 < featurizer.featureCount })
  }

  @Test func reusedDocumentForgetsPreviousTokens() {
    var document = Self.document([("x", 0), ("yz", 1)])
    document.removeAll()
    document.append(TokenID(1), utf8: "é".utf8)
    #expect(document == Self.document([("é", 1)]))
    #expect(document.byteRange(ofToken: 0) == 0..<2)
  }
}
