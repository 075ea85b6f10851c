import Foundation
import Testing

@testable import MultiTaskText

/// The corpora in `corpora/` are part of the product: the README's first command trains on
/// them, so they must read cleanly and hold what `corpora/README.md` promises.
struct BundledCorporaTests {
  static func folder() throws -> URL {
    try #require(SharedCorpora.repositoryRoot()).appendingPathComponent("corpora")
  }

  static let expected: [(task: String, labels: Set<String>, train: Int, test: Int)] = [
    ("topic", ["World", "Sports", "Business", "Science"], 360, 60),
    ("sentiment", ["positive", "negative"], 400, 50),
    ("spam", ["spam", "ham"], 120, 40),
  ]

  @Test(arguments: expected.map(\.task))
  func readsCleanlyWithTheDocumentedCountsAndLabels(_ task: String) throws {
    let entry = try #require(Self.expected.first { $0.task == task })
    var texts = Set<String>()
    for (split, count) in [("train", entry.train), ("test", entry.test)] {
      var source = CorpusSource(
        path: try Self.folder().appendingPathComponent("\(task)/\(split).jsonl").path,
        format: .jsonl)
      source.taskName = task
      source.strictEncoding = true
      let (examples, statistics) = try readAll(source)
      #expect(examples.count == count)
      #expect(statistics.repairedLines == 0)
      #expect(Set(examples.compactMap { $0.labels[task] }) == entry.labels)
      for example in examples { #expect(texts.insert(example.text).inserted, "\(example.text)") }
    }
  }

  @Test func holdsAtLeastFiveHundredDocumentsAndSomeChineseAndJapanese() throws {
    #expect(Self.expected.reduce(0) { $0 + $1.train + $1.test } >= 500)
    var source = CorpusSource(
      path: try Self.folder().appendingPathComponent("topic/train.jsonl").path, format: .jsonl)
    source.taskName = "topic"
    let (examples, _) = try readAll(source)
    let pipeline = try TextPipeline()
    let kinds = try examples.flatMap { try pipeline.tokenize($0.text).tokens.map(\.kind) }
    #expect(kinds.filter { $0 == .ideographic }.count > 50)
    #expect(kinds.filter { $0 == .kana }.count > 20)
  }
}
