import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

extension CorpusTests {
  @Suite("CSV and TSV")
  struct DelimitedRecordDecoderTests {
    @Test func readsQuotedFieldsDoubledQuotesAndEmbeddedNewlines() throws {
      let directory = try TemporaryDirectory()
      let csv = """
        label,text
        World,"Talks, again"
        Sports,"He said ""go"" twice"
        Business,"first line
        second line

        fourth line"
        Sci/Tech,plain "inner" quotes
        """
      let (examples, _, path) = try readFixture(
        csv, named: "train.csv", in: directory, configure: { $0.taskName = "topic" },
        format: .csv)
      #expect(
        examples.map(\.text) == [
          "Talks, again", "He said \"go\" twice", "first line\nsecond line\n\nfourth line",
          "plain \"inner\" quotes",
        ])
      #expect(examples.map { $0.labels["topic"] } == ["World", "Sports", "Business", "Sci/Tech"])
      #expect(
        examples.map(\.location) == [2, 3, 4, 8].map { CorpusLocation(path: path, line: $0) })
    }

    @Test func readsCRLFAndByteOrderMark() throws {
      let directory = try TemporaryDirectory()
      let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("text,label\r\n\"a\r\nb\",x\r\nc,y\r\n".utf8)
      let path = try directory.write(bytes, named: "bom.csv")
      let (examples, _) = try readAll(CorpusSource(path: path, format: .csv))
      #expect(examples.map(\.text) == ["a\nb", "c"])
      #expect(examples.map(\.labels) == [["default": "x"], ["default": "y"]])
      #expect(examples.map { $0.location?.line } == [2, 4])
    }

    @Test func mapsSeveralTextAndLabelColumnsWithoutHeader() throws {
      let directory = try TemporaryDirectory()
      let (examples, _, _) = try readFixture(
        "\"3\",\"Title\",\"Body, text\",pos\n\"1\",\"T2\",\"B2\",\n", named: "ag.csv",
        in: directory,
        configure: {
          $0.hasHeader = false
          $0.textColumns = [.index(1), .index(2)]
          $0.labelColumns = ["topic": .index(0), "sentiment": .index(3)]
        }, format: .csv)
      #expect(examples.map(\.text) == ["Title Body, text", "T2 B2"])
      #expect(examples.map(\.labels) == [["topic": "3", "sentiment": "pos"], ["topic": "1"]])
    }

    @Test func readsTSVWithoutQuoting() throws {
      let directory = try TemporaryDirectory()
      let (examples, _, _) = try readFixture(
        "label\ttext\nham\tsaid \"hi\n\nspam\tWIN \"now\"\n", named: "sms.tsv", in: directory,
        configure: { $0.taskName = "spam" }, format: .tsv)
      #expect(examples.map(\.text) == ["said \"hi", "WIN \"now\""])
      #expect(examples.map { $0.labels["spam"] } == ["ham", "spam"])
      #expect(examples.map { $0.location?.line } == [2, 4])
    }

    @Test func readsTSVByPositionWithoutHeader() throws {
      let directory = try TemporaryDirectory()
      let (examples, _, _) = try readFixture(
        "新闻标题\t8\n另一条\t5\n", named: "thuc.txt", in: directory,
        configure: {
          $0.hasHeader = false
          $0.textColumns = [.index(0)]
          $0.labelColumns = ["topic": .index(1)]
        }, format: .tsv)
      #expect(
        examples == [
          Example(text: "新闻标题", labels: ["topic": "8"], location: examples.first?.location),
          Example(text: "另一条", labels: ["topic": "5"], location: examples.last?.location),
        ])
    }

    @Test(arguments: [
      (
        CorpusFormat.csv, "text,label\nok,a\n\"never closed,b\nmore\n",
        "3: unclosed quote opened here"
      ),
      (.csv, "text,label\n\"a\"x,b\n", "2:4: expected ',' or end of line after closing quote"),
      (.csv, "text,label\nok,a\nonly\n", "3: expected 2 columns, found 1"),
      (.tsv, "text\tlabel\tc\n1\t2\n", "2: expected 3 columns, found 2"),
      (
        .csv, "text,topic\nok,a\n",
        "1: no column named \"label\"; available columns: \"text\", \"topic\""
      ),
      (
        .csv, "label,words\n",
        "1: no column named \"text\"; available columns: \"label\", \"words\""
      ),
    ])
    func reportsErrorsWithPosition(format: CorpusFormat, contents: String, message: String) throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write(contents, named: "x.\(format.rawValue)")
      let error = #expect(throws: CorpusError.self) {
        _ = try readAll(CorpusSource(path: path, format: format))
      }
      #expect(error?.description == "\(path):\(message)")
    }

    @Test func reportsPositionPastTheFileWidth() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write("a,b\n", named: "narrow.csv")
      var source = CorpusSource(path: path, format: .csv, hasHeader: false)
      source.labelColumns = ["t": .index(5)]
      let error = #expect(throws: CorpusError.self) { _ = try readAll(source) }
      #expect(error?.description == "\(path):1: no column at position 5; the file has 2 columns")
    }

    @Test func limitsHowManyLinesAQuoteMaySpan() throws {
      let directory = try TemporaryDirectory()
      let rows = (0..<50).map { "row \($0),x" }.joined(separator: "\n")
      let path = try directory.write("text,label\n\"stray,x\n\(rows)\n", named: "stray.csv")
      var source = CorpusSource(path: path, format: .csv, skipInvalid: true)
      source.maximumLinesPerRecord = 10
      let (examples, statistics) = try readAll(source)
      #expect(statistics.skippedProblems.first == .unclosedQuote(path: path, line: 2))
      #expect(examples.first?.text == "row 9")
      #expect(examples.first?.location?.line == 12)
    }
  }
}
