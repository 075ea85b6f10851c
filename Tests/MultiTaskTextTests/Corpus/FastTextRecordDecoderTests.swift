import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

extension CorpusTests {
  @Suite("fastText")
  struct FastTextRecordDecoderTests {
    @Test(
      arguments: [
        ("__label__Sports Cup final tonight", "Cup final tonight", "Sports"),
        ("\t__label__x\ttabbed", "tabbed", "x"),
        ("no label here", "no label here", nil),
        ("__label__ bare prefix is text", "__label__ bare prefix is text", nil),
        ("text then __label__late", "text then __label__late", nil),
        ("__label__only", "", "only"),
      ] as [(String, String, String?)])
    func readsLabelPrefixes(line: String, text: String, label: String?) throws {
      let directory = try TemporaryDirectory()
      let (examples, _, _) = try readFixture(
        line, named: "train.txt", in: directory, configure: { $0.taskName = "topic" },
        format: .fasttext)
      #expect(examples.first?.text == text)
      #expect(examples.first?.labels["topic"] == label)
    }

    /// The issue's case: `__label__a __label__b` used to train as `a` alone, silently.
    @Test func severalLabelsAreAListOrAnErrorNamingTheLine() throws {
      let directory = try TemporaryDirectory()
      let line = "__label__a __label__b  two labels \n__label__c one\n"
      let (lists, _, _) = try readFixture(
        line, named: "multi.txt", in: directory,
        configure: {
          $0.taskName = "topic"
          $0.readsLabelLists = true
        }, format: .fasttext)
      #expect(lists.map { $0.labelLists["topic"] } == [["a", "b"], ["c"]])
      #expect(lists.first?.text == "two labels")
      let error = #expect(throws: CorpusError.self) {
        _ = try readFixture(
          line, named: "single.txt", in: directory, configure: { $0.taskName = "topic" },
          format: .fasttext)
      }
      #expect(error?.description.contains("single.txt:1:") == true)
      #expect(error?.description.contains("2 labels (a, b)") == true)
      let (skipped, statistics, _) = try readFixture(
        line, named: "skip.txt", in: directory,
        configure: {
          $0.taskName = "topic"
          $0.skipInvalid = true
        }, format: .fasttext)
      #expect(skipped.map { $0.labels["topic"] } == ["c"])
      #expect(statistics.recordsSkipped == 1)
    }

    @Test func readsCustomAndEmptyPrefixes() throws {
      let directory = try TemporaryDirectory()
      let (custom, _, _) = try readFixture(
        "#pos good\n#neg bad\n", named: "c.txt", in: directory,
        configure: { $0.labelPrefix = "#" }, format: .fasttext)
      #expect(custom.map(\.labels) == [["default": "pos"], ["default": "neg"]])
      let (bare, statistics, _) = try readFixture(
        "1 a gorgeous film .\n\n0 dull .\n", named: "sst.txt", in: directory,
        configure: { $0.labelPrefix = "" }, format: .fasttext)
      #expect(bare.map(\.text) == ["a gorgeous film .", "dull ."])
      #expect(bare.map(\.labels) == [["default": "1"], ["default": "0"]])
      #expect(bare.map { $0.location?.line } == [1, 3])
      #expect(statistics.examplesRead == 2)
    }
  }
}
