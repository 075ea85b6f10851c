import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

extension CorpusTests {
  @Suite("JSONL")
  struct JSONLRecordDecoderTests {
    @Test func readsSingleTaskLines() throws {
      let directory = try TemporaryDirectory()
      let (examples, statistics, path) = try readFixture(
        """
        {"text": "Stocks fall", "label": "Business"}

        {"label": "Sports", "text": "Cup final", "id": 7}
        """, named: "train.jsonl", in: directory, configure: { $0.taskName = "topic" },
        format: .jsonl)
      #expect(
        examples == [
          Example(
            text: "Stocks fall", labels: ["topic": "Business"],
            location: CorpusLocation(path: path, line: 1)),
          Example(
            text: "Cup final", labels: ["topic": "Sports"],
            location: CorpusLocation(path: path, line: 3)),
        ])
      #expect(statistics.examplesRead == 2)
    }

    @Test func readsMultiTaskLinesWithMissingTasks() throws {
      let directory = try TemporaryDirectory()
      let (examples, statistics, _) = try readFixture(
        """
        {"text": "a", "labels": {"topic": "World", "sentiment": "negative"}}
        {"text": "b", "labels": {"sentiment": "positive", "spam": null}}
        {"text": "c", "labels": {}}
        """, named: "multi.jsonl", in: directory, format: .jsonl)
      #expect(
        examples.map(\.labels) == [
          ["topic": "World", "sentiment": "negative"], ["sentiment": "positive"], [:],
        ])
      #expect(statistics.unlabelledExamples == 1)
    }

    @Test(arguments: [
      (#"{"text": "x", "label": 1}"#, "1"),
      (#"{"text": "x", "label": 0}"#, "0"),
      (#"{"text": "x", "label": -2.5e3}"#, "-2.5e3"),
      (#"{"text": "x", "label": true}"#, "true"),
      (#"{"text": "x", "label": false}"#, "false"),
    ])
    func acceptsScalarLabelsAsText(line: String, label: String) throws {
      let directory = try TemporaryDirectory()
      let (examples, _, _) = try readFixture(line, named: "n.jsonl", in: directory, format: .jsonl)
      #expect(examples.first?.labels == ["default": label])
    }

    @Test func nullLabelMeansUnlabelled() throws {
      let directory = try TemporaryDirectory()
      let (examples, _, _) = try readFixture(
        #"{"text": "x", "label": null}"#, named: "n.jsonl", in: directory, format: .jsonl)
      #expect(examples.first?.labels == [:])
    }

    @Test(arguments: [
      (#"{"text": "a\"b\\c\/d"}"#, "a\"b\\c/d"),
      (#"{"text": "tab\there\nnew\r\b\f"}"#, "tab\there\nnew\r\u{08}\u{0C}"),
      (#"{"text": "caf\u00e9 \u20AC"}"#, "café €"),
      (#"{"text": "\ud83d\ude00 smile"}"#, "😀 smile"),
      (#"{"text": "lone \ud83d high"}"#, "lone \u{FFFD} high"),
      (#"{"text": "lone \ude00 low"}"#, "lone \u{FFFD} low"),
      (#"{"text": "high then text \ud83dx"}"#, "high then text \u{FFFD}x"),
      (#"{"text": "raw ü and 中文"}"#, "raw ü and 中文"),
    ])
    func decodesEscapes(line: String, text: String) throws {
      let directory = try TemporaryDirectory()
      let (examples, _, _) = try readFixture(line, named: "e.jsonl", in: directory, format: .jsonl)
      #expect(examples.first?.text == text)
    }

    @Test func skipsNestedMembersAndHonorsFieldNames() throws {
      let directory = try TemporaryDirectory()
      let line =
        #"{"meta": {"a": [1, [2, {"b": "\u0041"}], {}], "c": []}, "sentence": "hi", "#
        + #""y": "pos", "z": [true, false, null, -0.5E-2]}"#
      let (examples, _, _) = try readFixture(
        line, named: "f.jsonl", in: directory,
        configure: {
          $0.textField = "sentence"
          $0.labelField = "y"
          $0.taskName = "sentiment"
        }, format: .jsonl)
      #expect(
        examples.first
          == Example(
            text: "hi", labels: ["sentiment": "pos"], location: examples.first?.location))
    }

    @Test(arguments: [
      (#"{"text": "a" "label": "b"}"#, "1:14: expected ',' or '}' after object member"),
      (#"{"text": "a", }"#, "1:15: expected a string key after ','"),
      (#"{"text" "a"}"#, "1:9: expected ':' after object key"),
      (#"5"#, "1:1: expected '{' to start a JSON object"),
      (#"{"text": "abc"#, "1:14: unterminated string"),
      (#"{"text": "a\qb"}"#, "1:12: invalid escape sequence"),
      (#"{"text": "a\u12G4"}"#, "1:12: expected four hex digits after \\u"),
      (#"{"text": 5}"#, "1:10: text field \"text\" must be a string"),
      (
        #"{"text": "a", "label": [[1]]}"#,
        "1:25: each element of label \"label\" must be a string, number, boolean or null"
      ),
      (
        #"{"text": "a", "labels": {"t": {}}}"#,
        "1:31: label for task \"t\" must be a string, number, boolean or null"
      ),
      (#"{"text": "a"} x"#, "1:15: unexpected text after the JSON object"),
      (#"{"text": "a", "n": 01}"#, "1:21: expected ',' or '}' after object member"),
      (#"{"text": "a", "n": 1.}"#, "1:22: expected a digit after the decimal point"),
      (#"{"text": "a", "n": tru}"#, "1:20: expected a value"),
      (#"{"text": "é", "n": [1 2]}"#, "1:23: expected ',' or ']' after array element"),
      (#"{"label": "x"}"#, "1: missing text field \"text\""),
    ])
    func reportsErrorsWithPosition(line: String, message: String) throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write(line, named: "bad.jsonl")
      let error = #expect(throws: CorpusError.self) {
        _ = try readAll(CorpusSource(path: path, format: .jsonl))
      }
      #expect(error?.description == "\(path):\(message)")
    }

    @Test func reportsTheLineOfALaterError() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write(
        "{\"text\": \"ok\"}\n{\"text\": \"ok\"}\n{\"text\": \"a\",\n", named: "train.jsonl")
      let error = #expect(throws: CorpusError.self) {
        _ = try readAll(CorpusSource(path: path, format: .jsonl))
      }
      #expect(
        error
          == .syntax(path: path, line: 3, column: 14, problem: "expected a string key after ','"))
    }

    @Test func rejectsHostileNestingWithoutCrashing() throws {
      let directory = try TemporaryDirectory()
      let deep = String(repeating: "[", count: 100_000)
      let path = try directory.write("{\"x\": \(deep)}", named: "deep.jsonl")
      let error = #expect(throws: CorpusError.self) {
        _ = try readAll(CorpusSource(path: path, format: .jsonl))
      }
      #expect(error?.description.contains("nesting deeper than 512 levels") == true)
    }

    /// Feeds seeded random byte soup built from JSON's own alphabet: every line must either
    /// parse or fail with a syntax error, never crash.
    @Test func survivesRandomBytes() throws {
      var state: UInt64 = 0x9E37_79B9_7F4A_7C15
      func nextRandom() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
      }
      let alphabet = Array(#"{}[]:,"\u0dD8e-+.1 0tnfalsrx"#.utf8) + [0x00, 0xC3, 0xA9, 0xFF]
      var bytes: [UInt8] = []
      for _ in 0..<2_000 {
        bytes.append(contentsOf: Array(#"{"text": "#.utf8))
        for _ in 0..<(nextRandom() % 24) {
          bytes.append(alphabet[Int(nextRandom() % UInt64(alphabet.count))])
        }
        bytes.append(0x0A)
      }
      let directory = try TemporaryDirectory()
      let path = try directory.write(bytes, named: "fuzz.jsonl")
      var source = CorpusSource(path: path, format: .jsonl)
      source.skipInvalid = true
      let (examples, statistics) = try readAll(source)
      #expect(examples.count + statistics.recordsSkipped == 2_000)
      #expect(statistics.skippedProblems.count == CorpusStatistics.maximumKeptProblems)
    }
  }
}
