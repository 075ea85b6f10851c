import Foundation
import Testing

/// `mtl predict` on files that are not one document a line: JSONL, CSV and TSV records read
/// through their text field, identifiers carried through, and plain text that looks like
/// another format warned about. Also the answers that say why they are empty: TSV reasons,
/// and explanations with offsets.
struct PredictInputCommandTests {
  /// A workspace with the good model trained, and a helper to predict.
  final class Trained {
    let workspace: ReliabilityCommandTests.Workspace
    let model: String

    init() throws {
      workspace = try ReliabilityCommandTests.Workspace()
      model = try workspace.trainGoodModel()
    }

    func predict(_ arguments: [String], input: String? = nil) throws -> CommandRunner.Result {
      try CommandRunner.run(
        ["predict", "--model", model] + arguments, input: input.map { Data($0.utf8) })
    }
  }

  static func objects(_ output: String) throws -> [[String: Any]] {
    try output.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
  }

  @Test func aJSONLFileIsReadThroughItsTextFieldNotAsRawJSON() throws {
    let trained = try Trained()
    let records = [
      #"{"id": 7, "text": "the striker scored twice", "label": "politics"}"#,
      #"{"id": "b", "text": "parliament passed the budget", "label": ["x", "y"]}"#,
    ]
    try trained.workspace.write(records.joined(separator: "\n") + "\n", "input.jsonl")
    try trained.workspace.write(
      "the striker scored twice\nparliament passed the budget\n", "plain.txt")
    let fromJSONL = try trained.predict([trained.workspace.path("input.jsonl"), "--id-field", "id"])
    #expect(fromJSONL.status == 0, "\(fromJSONL.standardError)")
    let plain = try trained.predict([trained.workspace.path("plain.txt")])
    #expect(plain.status == 0, "\(plain.standardError)")
    let answers = try Self.objects(fromJSONL.standardOutput)
    let plainAnswers = try Self.objects(plain.standardOutput)
    #expect(answers.count == 2)
    // The JSONL answers equal the plain text's: the gold label was not classified.
    for (answer, plainAnswer) in zip(answers, plainAnswers) {
      let topic = try #require(answer["topic"] as? [String: Any])
      let plainTopic = try #require(plainAnswer["topic"] as? [String: Any])
      #expect(topic["label"] as? String == plainTopic["label"] as? String)
      #expect(topic["probability"] as? Double == plainTopic["probability"] as? Double)
    }
    #expect(answers.map { $0["id"] as? String } == ["7", "b"])
    // The identifier comes first in the line, under the field's own name.
    #expect(fromJSONL.standardOutput.hasPrefix(#"{"id":"7","topic":"#))
  }

  @Test func csvAndTSVRecordsUseTheirTextColumnAndCarryTheIdentifier() throws {
    let trained = try Trained()
    try trained.workspace.write(
      "review_id,body,stars\nr1,\"the striker scored, twice\",5\nr2,parliament passed the budget,3\n",
      "input.csv")
    let result = try trained.predict([
      trained.workspace.path("input.csv"), "--text-column", "body", "--id-field", "review_id",
      "--format", "tsv",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let rows = result.standardOutput.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    #expect(rows.first == ["review_id", "topic", "topic_probability", "topic_reason"])
    #expect(rows.dropFirst().map { $0.first } == ["r1", "r2"])
    #expect(rows.dropFirst().map { $0[1] } == ["sports", "politics"])
    // A missing text column names the file, the line and the columns there are.
    let missing = try trained.predict([
      trained.workspace.path("input.csv"), "--text-column", "text",
    ])
    #expect(missing.status != 0)
    #expect(
      missing.standardError.contains("input.csv:1: no column named \"text\""),
      "\(missing.standardError)")
  }

  @Test func plainTextThatLooksLikeJSONLinesIsWarnedAbout() throws {
    let trained = try Trained()
    let lines = #"{"text": "the striker scored twice", "label": "sports"}"# + "\n"
    let result = try trained.predict([], input: lines + lines)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("every line of standard input starts with {\""))
    #expect(result.standardError.contains("--input-format jsonl"))
    // A malformed record in a JSONL file stops with its file and line.
    try trained.workspace.write(lines + "{\"text\": oops}\n", "bad.jsonl")
    let bad = try trained.predict([trained.workspace.path("bad.jsonl")])
    #expect(bad.status != 0)
    #expect(bad.standardError.contains("bad.jsonl:2:"), "\(bad.standardError)")
    // A record without the text field says which field it looked for.
    try trained.workspace.write(#"{"body": "x"}"# + "\n", "nofield.jsonl")
    let noField = try trained.predict([trained.workspace.path("nofield.jsonl")])
    #expect(noField.standardError.contains("nofield.jsonl:1: missing text field \"text\""))
  }

  @Test func fastTextsOrderOfArgumentsSuggestsTheModelOption() throws {
    let trained = try Trained()
    try trained.workspace.write("the striker scored\n", "docs.txt")
    let result = try CommandRunner.run([
      "predict", trained.model, trained.workspace.path("docs.txt"),
    ])
    #expect(result.status != 0)
    #expect(
      result.standardError.contains("did you mean `mtl predict --model \(trained.model)"),
      "\(result.standardError)")
    let options = try trained.predict([trained.workspace.path("docs.txt"), "--id-field", "id"])
    #expect(options.status != 0)
    #expect(options.standardError.contains("give --input-format"), "\(options.standardError)")
  }

  @Test func tsvAbstentionsNameTheirReasonAndLeaveNoFakeProbability() throws {
    let trained = try Trained()
    let result = try trained.predict(
      ["--format", "tsv", "--min-probability", "0.9999"],
      input: "zzzz qqqq\nthe striker scored twice\n")
    #expect(result.status == 0, "\(result.standardError)")
    let rows = result.standardOutput.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(rows.count == 3)
    #expect(rows[1] == ["", "", "no known tokens"])
    #expect(rows[2][0] == "")
    #expect(!rows[2][1].isEmpty)
    #expect(rows[2][2] == "below 0.9999")
  }

  @Test func explanationsMergeRepeatedTokensAndGiveByteOffsets() throws {
    let trained = try Trained()
    let text = "scored scored, the striker"
    let result = try trained.predict(["--explain", "10"], input: text + "\n")
    #expect(result.status == 0, "\(result.standardError)")
    let answer = try #require(try Self.objects(result.standardOutput).first)
    let topic = try #require(answer["topic"] as? [String: Any])
    let entries = try #require(topic["explanation"] as? [[String: Any]])
    let tokens = entries.compactMap { $0["token"] as? String }
    #expect(Set(tokens).count == tokens.count, "each text once: \(tokens)")
    let scored = try #require(entries.first { $0["token"] as? String == "scored" })
    let offsets = try #require(scored["offsets"] as? [[Int]])
    #expect(offsets == [[0, 6], [7, 13]])
    let bytes = Array(text.utf8)
    for entry in entries {
      for pair in (entry["offsets"] as? [[Int]]) ?? [] where pair[1] > pair[0] {
        let quoted = String(decoding: bytes[pair[0]..<pair[1]], as: UTF8.self)
        #expect((entry["token"] as? String)?.contains(quoted) == true, "\(quoted) in \(entry)")
      }
    }
  }
}
