import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

extension CorpusTests {
  @Suite("Reader")
  struct CorpusReaderTests {
    @Test func skipsInvalidRecordsAndKeepsTheFirstFive() throws {
      let directory = try TemporaryDirectory()
      var lines = (1...8).map { "{\"text\": \"bad \($0)\" x}" }
      lines.insert(#"{"text": "good", "label": "a"}"#, at: 3)
      lines.append(#"{"label": "b"}"#)
      lines.append(#"{"text": "last"}"#)
      let path = try directory.write(lines.joined(separator: "\n"), named: "train.jsonl")
      let (examples, statistics) = try readAll(
        CorpusSource(path: path, format: .jsonl, skipInvalid: true))
      #expect(examples.map(\.text) == ["good", "last"])
      #expect(statistics.examplesRead == 2)
      #expect(statistics.unlabelledExamples == 1)
      #expect(statistics.recordsSkipped == 9)
      #expect(statistics.skippedProblems.map(\.line) == [1, 2, 3, 5, 6])
    }

    @Test func skippingResumesAfterAnUnclosedQuoteAtTheEnd() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write("text,label\na,b\nc,d,e\n\"open,x\nf,g\n", named: "t.csv")
      let (examples, statistics) = try readAll(
        CorpusSource(path: path, format: .csv, skipInvalid: true))
      #expect(examples.map(\.text) == ["a"])
      #expect(
        statistics.skippedProblems == [
          .columnCount(path: path, line: 3, expected: 2, found: 3),
          .unclosedQuote(path: path, line: 4),
        ])
    }

    @Test func stopsOnTheFirstErrorWithoutSkipping() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write("{\"text\": \"a\"}\n{\n{\"text\": \"b\"}\n", named: "t.jsonl")
      let reader = try CorpusReader(source: CorpusSource(path: path, format: .jsonl))
      #expect(try reader.next()?.text == "a")
      #expect(throws: CorpusError.self) { try reader.next() }
      #expect(reader.statistics.examplesRead == 1)
    }

    @Test func reportsMissingFilesAndDirectories() throws {
      let directory = try TemporaryDirectory()
      let missing = directory.url.appendingPathComponent("nope.jsonl").path
      #expect(throws: CorpusError.unreadable(path: missing, problem: "no such file")) {
        _ = try CorpusReader(source: CorpusSource(path: missing, format: .jsonl))
      }
      let folder = directory.url.path
      let error = #expect(throws: CorpusError.self) {
        _ = try CorpusReader(source: CorpusSource(path: folder, format: .csv))
      }
      #expect(error?.description == "\(folder): is a directory, not a file")
    }

    @Test func rejectsConfigurationsThatCannotWork() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write("a,b\n", named: "t.csv")
      let named = CorpusSource(
        path: path, format: .csv, labelColumns: ["t": .name("b")], hasHeader: false)
      let negative = CorpusSource(path: path, format: .csv, textColumns: [.index(-1)])
      for source in [named, negative] {
        let error = #expect(throws: CorpusError.self) { _ = try CorpusReader(source: source) }
        #expect(error?.line == nil)
      }
    }

    @Test func forEachVisitsEveryExample() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write("__label__a x\n__label__b y\n", named: "t.txt")
      var texts: [String] = []
      try CorpusReader(source: CorpusSource(path: path, format: .fasttext)).forEach {
        texts.append($0.text)
      }
      #expect(texts == ["x", "y"])
    }

    @Test func sourcesDecodeFromConfigurationJSON() throws {
      let json = """
        {"path": "data/ag.csv", "format": "csv", "encoding": "cp1252", "taskName": "topic",
         "hasHeader": false, "textColumns": [1, 2], "labelColumns": {"topic": 0}}
        """
      let source = try JSONDecoder().decode(CorpusSource.self, from: Data(json.utf8))
      #expect(
        source
          == CorpusSource(
            path: "data/ag.csv", format: .csv, encoding: .windows1252, taskName: "topic",
            textColumns: [.index(1), .index(2)], labelColumns: ["topic": .index(0)],
            hasHeader: false))
      let encoded = try JSONEncoder().encode(source)
      #expect(try JSONDecoder().decode(CorpusSource.self, from: encoded) == source)
      let named = try JSONDecoder().decode([ColumnReference].self, from: Data(#"["text", 3]"#.utf8))
      #expect(named == [.name("text"), .index(3)])
      #expect(
        try JSONDecoder().decode([CorpusFormat].self, from: Data(#"["jsonl", "fasttext"]"#.utf8))
          == [.jsonl, .fasttext])
      #expect(throws: DecodingError.self) {
        _ = try JSONDecoder().decode(CorpusEncoding.self, from: Data(#""koi8-r""#.utf8))
      }
    }
  }
}
