import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// Pretraining on real text: deterministic for a seed, learning something (co-occurring words
/// end up closer than unrelated ones), written as a fastText `.bin` that our loader and
/// fastText itself read back with the same vectors, and refusing bad settings.
struct PretrainerTests {
  /// Two topics that never share a sentence.
  static let documents = (0..<120).map { index in
    index % 2 == 0
      ? ["the cat chased a mouse", "a mouse fled the cat", "cat and mouse play"][index % 3]
      : ["stocks fell on the market", "the market rallied stocks", "market and stocks rise"][
        index % 3]
  }

  static func settings() -> PretrainingSettings {
    var settings = PretrainingSettings()
    settings.dimension = 16
    settings.epochs = 20
    settings.minCount = 1
    settings.buckets = 5_000
    settings.minCharNgram = 2
    settings.maxCharNgram = 4
    settings.samplingThreshold = 0
    settings.learningRate = 0.1
    return settings
  }

  static func corpus() throws -> PretrainingCorpus {
    var builder = PretrainingCorpusBuilder(pipeline: try TextPipeline())
    for document in documents { try builder.add(document) }
    return try builder.finish(minCount: 1)
  }

  static func binary(_ vectors: PretrainedVectors) -> [UInt8] {
    var bytes: [UInt8] = []
    vectors.writeFastTextBinary { bytes += $0 }
    return bytes
  }

  static func cosine(_ left: [Float], _ right: [Float]) -> Float {
    let dot = zip(left, right).map(*).reduce(0, +)
    let norms = left.map { $0 * $0 }.reduce(0, +).squareRoot()
      * right.map { $0 * $0 }.reduce(0, +).squareRoot()
    return dot / norms
  }

  @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws {
    let corpus = try Self.corpus()
    let first = try Pretrainer(settings: Self.settings()).train(corpus)
    let second = try Pretrainer(settings: Self.settings()).train(corpus)
    #expect(Self.binary(first) == Self.binary(second))
    var other = Self.settings()
    other.seed = 2
    #expect(Self.binary(try Pretrainer(settings: other).train(corpus)) != Self.binary(first))
  }

  @Test(arguments: PretrainingModel.allCases)
  func wordsOfOneTopicEndCloserThanWordsOfTwo(model: PretrainingModel) throws {
    var settings = Self.settings()
    settings.model = model
    let corpus = try Self.corpus()
    let vectors = try Pretrainer(settings: settings).train(corpus)
    func vector(_ word: String) throws -> [Float] {
      vectors.wordVector(try #require(corpus.words.firstIndex(of: word)))
    }
    let related = Self.cosine(try vector("cat"), try vector("mouse"))
    let unrelated = Self.cosine(try vector("cat"), try vector("stocks"))
    #expect(related > unrelated + 0.1, "cat~mouse \(related), cat~stocks \(unrelated)")
  }

  @Test func theBinaryLoadsBackWithEveryWordAndBucket() throws {
    let corpus = try Self.corpus()
    let vectors = try Pretrainer(settings: Self.settings()).train(corpus)
    let directory = try TemporaryDirectory()
    let path = try directory.write(Self.binary(vectors), named: "vectors.bin")
    let vocabulary = Vocabulary(tokens: ["mouse", "cats"], counts: [2, 1])
    let features = FeatureConfiguration(buckets: 1_000, minCharNgram: 2, maxCharNgram: 3)
    let loaded = try PretrainedVectorsReader.read(
      path: path, dimension: 16, vocabulary: vocabulary, features: features)
    let mouse = try #require(corpus.words.firstIndex(of: "mouse"))
    let row = try #require(loaded.rows[vocabulary.id(of: "mouse").rawValue])
    #expect(zip(row, vectors.wordVector(mouse)).allSatisfy { abs($0 - $1) < 1e-6 })
    // "cats" was never seen: its vector comes from n-grams it shares with "cat".
    #expect(loaded.rows[vocabulary.id(of: "cats").rawValue] != nil)
    // Every bucket of an n-gram of length 2-3 of the two words starts informed.
    var buckets = Set<Int32>()
    for word in ["mouse", "cats"] {
      FastTextSubwords.forEachNgram(of: Array(word.utf8), minimum: 2, maximum: 3) { _, ours, _ in
        buckets.insert(Int32(2 + Int(ours % 1_000)))
      }
    }
    #expect(buckets.allSatisfy { loaded.rows[$0] != nil })
    #expect(loaded.count == 2 + buckets.count)
  }

  @Test func fastTextReadsTheBinaryWithTheSameVectors() throws {
    guard FastTextCommand.path != nil else { return }
    let corpus = try Self.corpus()
    let vectors = try Pretrainer(settings: Self.settings()).train(corpus)
    let directory = try TemporaryDirectory()
    let path = try directory.write(Self.binary(vectors), named: "vectors.bin")
    let printed = FastTextCommand.vectors(
      try FastTextCommand.run(["print-word-vectors", path], input: "market\ncats\n"))
    #expect(printed.count == 2)
    let market = vectors.wordVector(try #require(corpus.words.firstIndex(of: "market")))
    #expect(FastTextBinaryVectorsTests.close(market, printed[0].1))
  }

  @Test func badSettingsAndEmptyTextAreErrors() throws {
    var settings = Self.settings()
    settings.dimension = 0
    #expect(throws: PretrainingError.self) { try Pretrainer(settings: settings) }
    settings = Self.settings()
    settings.minCharNgram = 5
    #expect(throws: PretrainingError.self) { try Pretrainer(settings: settings) }
    var builder = PretrainingCorpusBuilder(pipeline: try TextPipeline())
    try builder.add("only once")
    #expect(throws: PretrainingError.emptyVocabulary(minCount: 2, tokens: 2)) {
      try builder.finish(minCount: 2)
    }
  }
}
