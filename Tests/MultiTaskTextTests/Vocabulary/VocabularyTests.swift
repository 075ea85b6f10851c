import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

struct VocabularyTests {
  private func build(_ tokens: [String], minCount: Int = 1, maxSize: Int? = nil) -> Vocabulary {
    var builder = VocabularyBuilder()
    for token in tokens {
      var bytes = Array(token.utf8)
      let hash = FNV1a.hash(bytes)
      _ = bytes.withUnsafeMutableBufferPointer { builder.add(UnsafeBufferPointer($0), hash: hash) }
    }
    return builder.build(minCount: minCount, maxSize: maxSize).0
  }

  @Test func ordersByCountDescendingThenBytesAscending() {
    let vocabulary = build(["b", "a", "c", "b", "é", "a", "z", "b", "学"])
    #expect(vocabulary.tokens == ["b", "a", "c", "z", "é", "学"])
    #expect(vocabulary.counts == [3, 2, 1, 1, 1, 1])
  }

  @Test func appliesMinCountAndMaxSize() {
    let tokens = ["x", "x", "x", "y", "y", "z"]
    #expect(build(tokens, minCount: 2).tokens == ["x", "y"])
    #expect(build(tokens, maxSize: 1).tokens == ["x"])
  }

  @Test func looksUpWithoutAllocatingAStringAndMissesUnknownTokens() {
    let vocabulary = build(["hello", "world", "hello"])
    #expect(vocabulary.id(of: "hello") == TokenID(0))
    #expect(vocabulary.id(of: "world") == TokenID(1))
    #expect(vocabulary.id(of: "nope") == .outOfVocabulary)
    #expect(vocabulary.token(TokenID(1)) == "world")
  }

  @Test func growsPastItsInitialTable() {
    let tokens = (0..<5_000).map { "token\($0)" }
    let vocabulary = build(tokens)
    #expect(vocabulary.count == 5_000)
    for token in tokens.shuffled().prefix(100) {
      #expect(vocabulary.token(vocabulary.id(of: token)) == token)
    }
  }

  @Test func labelSetsSortByBytes() {
    let labels = LabelSet(["spam", "ham", "Ham", "spam"])
    #expect(labels.labels == ["Ham", "ham", "spam"])
    #expect(labels.id(of: "spam") == LabelID(2))
    #expect(labels.id(of: "eggs") == nil)
  }

  @Test func vocabularyFilesRoundTripAndNameTheLineOfAProblem() throws {
    let directory = try TemporaryDirectory()
    let vocabulary = build(["a", "b", "a", "ß"])
    let path = directory.url.appendingPathComponent("vocab.tsv").path
    try VocabularyFile.write(vocabulary, to: path)
    #expect(
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        == "# mtl-vocabulary 1\na\t2\nb\t1\nß\t1\n")
    #expect(try VocabularyFile.read(path: path) == vocabulary)

    let bad = try directory.write("# mtl-vocabulary 1\na\t2\nb 1\n", named: "bad.tsv")
    #expect(
      throws: VocabularyFileError(
        path: bad, line: 3, problem: "expected a token, a tab and a count, found \"b 1\"")
    ) {
      try VocabularyFile.read(path: bad)
    }
    let newer = try directory.write("# mtl-vocabulary 9\n", named: "newer.tsv")
    #expect(
      throws: VocabularyFileError(
        path: newer, line: 1,
        problem: "expected the header \"# mtl-vocabulary 1\", found \"# mtl-vocabulary 9\"")
    ) {
      try VocabularyFile.read(path: newer)
    }
  }
}
