import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

extension CorpusTests {
  /// Lists of labels in every format: kept as lists for a multi-label task, duplicates
  /// removed and an empty list kept; for a single-label task, one label or an invalid record
  /// naming the file and line.
  @Suite("Label lists")
  struct LabelListReadingTests {
    /// The same five records in each format: two labels with a repeat, one label, none (an
    /// empty list), a record that leaves the task unlabelled, and two labels again.
    static let records: [(CorpusFormat, String, String)] = [
      (
        .jsonl, "lists.jsonl",
        """
        {"text": "red and blue", "label": ["a", "b", "a"]}
        {"text": "only red", "label": ["a"]}
        {"text": "grey", "label": []}
        {"text": "unknown", "label": null}
        {"text": "blue then red", "labels": {"colour": ["b", "a"]}}

        """
      ),
      (
        .csv, "lists.csv",
        """
        text,label
        red and blue,a|b| a
        only red,a
        grey,|
        unknown,
        blue then red,b|a

        """
      ),
      (
        .tsv, "lists.tsv",
        "text\tlabel\nred and blue\ta|b|a\nonly red\ta\ngrey\t|\nunknown\t\n"
          + "blue then red\tb | a\n"
      ),
    ]

    static func configure(multiLabel: Bool, skipInvalid: Bool = false) -> (inout CorpusSource)
      -> Void
    {
      { source in
        source.taskName = "colour"
        source.labelSeparator = "|"
        source.readsLabelLists = multiLabel
        source.skipInvalid = skipInvalid
      }
    }

    @Test(arguments: records)
    func aMultiLabelTaskKeepsEachListWithoutRepeats(
      format: CorpusFormat, name: String, contents: String
    ) throws {
      let directory = try TemporaryDirectory()
      let (examples, statistics, path) = try readFixture(
        contents, named: name, in: directory, configure: Self.configure(multiLabel: true),
        format: format)
      #expect(
        examples.map(\.text) == [
          "red and blue", "only red", "grey", "unknown",
          "blue then red",
        ])
      #expect(
        examples.map { $0.labelList(ofTask: "colour") } == [
          ["a", "b"], ["a"], [], nil, ["b", "a"],
        ])
      // An empty list is labelled with none; a missing task is not labelled at all.
      #expect(examples.map { $0.isLabelled(forTask: "colour") } == [true, true, true, false, true])
      #expect(examples.allSatisfy { $0.labels["colour"] == nil || $0.labelLists["colour"] == nil })
      #expect(examples[2].labelLists["colour"] == [])
      #expect(statistics.recordsSkipped == 0)
      let lines = format == .jsonl ? [1, 2, 3, 4, 5] : [2, 3, 4, 5, 6]
      #expect(examples.map(\.location) == lines.map { CorpusLocation(path: path, line: $0) })
    }

    @Test(arguments: records)
    func aSingleLabelTaskTakesOneLabelAndNamesTheLineOfTwo(
      format: CorpusFormat, name: String, contents: String
    ) throws {
      let directory = try TemporaryDirectory()
      let error = #expect(throws: CorpusError.self) {
        _ = try readFixture(
          contents, named: name, in: directory, configure: Self.configure(multiLabel: false),
          format: format)
      }
      let firstLine = format == .jsonl ? 1 : 2
      #expect(error?.description.hasPrefix("\(directory.url.path)/\(name):\(firstLine): ") == true)
      #expect(error?.description.contains("2 labels (a, b)") == true)
      #expect(error?.description.contains("multiLabel") == true)

      // Skipped instead: the list of one is a plain label, the others are counted.
      let (kept, statistics, _) = try readFixture(
        contents, named: name, in: directory,
        configure: Self.configure(multiLabel: false, skipInvalid: true), format: format)
      #expect(kept.map(\.text) == ["only red", "unknown"])
      #expect(kept.map(\.labels) == [["colour": "a"], [:]])
      #expect(kept.allSatisfy { $0.labelLists.isEmpty })
      #expect(statistics.recordsSkipped == 3)
      #expect(statistics.examplesRead == 2)
      let skippedLines = format == .jsonl ? [1, 3, 5] : [2, 4, 6]
      #expect(statistics.skippedProblems.map(\.line) == skippedLines)
      #expect(statistics.skippedProblems[1].description.contains("empty list of labels"))
    }

    @Test func anEmptyListForASingleLabelTaskIsAnErrorNamingItsLine() throws {
      let directory = try TemporaryDirectory()
      let error = #expect(throws: CorpusError.self) {
        _ = try readFixture(
          "{\"text\": \"x\", \"label\": \"a\"}\n{\"text\": \"y\", \"labels\": {\"t\": []}}\n",
          named: "empty.jsonl", in: directory, configure: { $0.taskName = "t" }, format: .jsonl)
      }
      guard case .invalidRecord(let path, let line, let problem)? = error else {
        Issue.record("expected an invalid record, got \(String(describing: error))")
        return
      }
      #expect(path.hasSuffix("empty.jsonl"))
      #expect(line == 2)
      #expect(problem.contains("empty list"))
    }

    /// A multi-task record is checked for the source's own task only: another task's list
    /// is that task's business, checked by its own pass.
    @Test func onlyTheSourcesOwnTaskIsChecked() throws {
      let directory = try TemporaryDirectory()
      let line = #"{"text": "x", "labels": {"topic": "news", "emotion": ["joy", "love"]}}"#
      let (examples, _, _) = try readFixture(
        line + "\n", named: "both.jsonl", in: directory, configure: { $0.taskName = "topic" },
        format: .jsonl)
      #expect(examples.first?.labels == ["topic": "news"])
      #expect(examples.first?.labelLists == ["emotion": ["joy", "love"]])
      #expect(
        examples.first?.keepingLabel(ofTask: "emotion").labelLists == ["emotion": ["joy", "love"]])
      #expect(examples.first?.keepingLabel(ofTask: "emotion").labels == [:])
    }

    @Test func fastTextLinesWithSeveralPrefixesAreListsWithoutRepeats() throws {
      let directory = try TemporaryDirectory()
      let (examples, _, _) = try readFixture(
        "__label__b __label__a __label__b text\n__label__a one\nnone at all\n",
        named: "multi.txt", in: directory,
        configure: {
          $0.taskName = "t"
          $0.readsLabelLists = true
        }, format: .fasttext)
      #expect(examples.map { $0.labelList(ofTask: "t") } == [["b", "a"], ["a"], nil])
      #expect(examples.map(\.text) == ["text", "one", "none at all"])
    }

    @Test func aTrainingSetBuilderRejectsSeveralLabelsForASingleLabelTask() throws {
      var builder = try TrainingSetBuilder(tasks: ["t"], text: TextConfiguration())
      let location = CorpusLocation(path: "made.jsonl", line: 7)
      #expect(throws: TrainingError.self) {
        try builder.add(Example(text: "x", labelLists: ["t": ["a", "b"]], location: location))
      }
      let error = #expect(throws: TrainingError.self) {
        try builder.add(Example(text: "x", labelLists: ["t": []], location: location))
      }
      #expect(error?.description.contains("made.jsonl:7") == true)
    }
  }
}
