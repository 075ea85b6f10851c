import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// Pretraining on real text: deterministic for a seed, learning something (co-occurring words
/// end up closer than unrelated ones), written as a fastText `.bin` that our loader and
/// fastText itself read back with the same vectors, and refusing bad settings.
struct PretrainerTests {
  /// Two topics that never share a sentence; within each, two words take the same contexts.
  static let sentences = [
    "the cat sleeps on the warm mat", "the dog sleeps on the warm mat",
    "stocks fell in heavy trading today", "bonds fell in heavy trading today",
  ]
  static let documents: [String] = (0..<160).map { (index: Int) -> String in
    sentences[index % 4]
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

  /// A trainer whose negative table is small enough to fill quickly in a debug build.
  static func trainer(_ settings: PretrainingSettings = settings()) throws -> Pretrainer {
    var trainer = try Pretrainer(settings: settings)
    trainer.negativeTableSize = 100_000
    return trainer
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
    let norms =
      left.map { $0 * $0 }.reduce(0, +).squareRoot()
      * right.map { $0 * $0 }.reduce(0, +).squareRoot()
    return dot / norms
  }

  @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws {
    let corpus = try Self.corpus()
    let first = try Self.trainer().train(corpus)
    let second = try Self.trainer().train(corpus)
    #expect(Self.binary(first) == Self.binary(second))
    var other = Self.settings()
    other.seed = 2
    #expect(Self.binary(try Self.trainer(other).train(corpus)) != Self.binary(first))
  }

  @Test(arguments: PretrainingModel.allCases)
  func wordsInTheSameContextsEndCloserThanOthers(model: PretrainingModel) throws {
    var settings = Self.settings()
    settings.model = model
    let corpus = try Self.corpus()
    let vectors = try Self.trainer(settings).train(corpus)
    func vector(_ word: String) throws -> [Float] {
      vectors.wordVector(try #require(corpus.words.firstIndex(of: word)))
    }
    let related = Self.cosine(try vector("cat"), try vector("dog"))
    let unrelated = Self.cosine(try vector("cat"), try vector("stocks"))
    #expect(related > unrelated + 0.1, "cat~dog \(related), cat~stocks \(unrelated)")
  }

  @Test func theBinaryLoadsBackWithEveryWordAndBucket() throws {
    let corpus = try Self.corpus()
    let vectors = try Self.trainer().train(corpus)
    let directory = try TemporaryDirectory()
    let path = try directory.write(Self.binary(vectors), named: "vectors.bin")
    let vocabulary = Vocabulary(tokens: ["dog", "cats"], counts: [2, 1])
    let features = FeatureConfiguration(buckets: 1_000, minCharNgram: 2, maxCharNgram: 3)
    let loaded = try PretrainedVectorsReader.read(
      path: path, dimension: 16, vocabulary: vocabulary, features: features)
    let dog = try #require(corpus.words.firstIndex(of: "dog"))
    let row = try #require(loaded.rows[vocabulary.id(of: "dog").rawValue])
    #expect(zip(row, vectors.wordVector(dog)).allSatisfy { abs($0 - $1) < 1e-6 })
    // "cats" was never seen: its vector comes from n-grams it shares with "cat".
    #expect(loaded.rows[vocabulary.id(of: "cats").rawValue] != nil)
    // Every bucket of an n-gram of length 2-3 of the two words starts informed.
    var buckets = Set<Int32>()
    for word in ["dog", "cats"] {
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
    let vectors = try Self.trainer().train(corpus)
    let directory = try TemporaryDirectory()
    let path = try directory.write(Self.binary(vectors), named: "vectors.bin")
    let printed = FastTextCommand.vectors(
      try FastTextCommand.run(["print-word-vectors", path], input: "trading\ncats\n"))
    #expect(printed.count == 2)
    let trading = vectors.wordVector(try #require(corpus.words.firstIndex(of: "trading")))
    #expect(FastTextBinaryVectorsTests.close(trading, printed[0].1))
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
