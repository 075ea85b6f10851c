import Foundation
import Testing

/// `mtl predict`'s options and its multi-label answers, run as a user would.
struct PredictCommandTests {
  static func objects(_ output: String) throws -> [[String: [String: Any]]] {
    try output.split(separator: "\n").map { line in
      try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [String: Any]],
        "\(line)")
    }
  }

  @Test func aMinimumProbabilityOutsideZeroToOneIsRejected() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    let trained = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    let model = workspace.path("out/model.mtl")
    for option in [["--min-probability", "2"], ["--min-probability=-0.1"]] {
      let result = try CommandRunner.run(
        ["predict", "--model", model] + option, input: Data("free\n".utf8))
      #expect(result.status != 0)
      #expect(result.standardOutput.isEmpty)
      #expect(
        result.standardError.contains("--min-probability must be between 0 and 1"),
        "\(result.standardError)")
    }
    // Within range it abstains below the minimum, with the candidate label.
    let abstaining = try CommandRunner.run(
      ["predict", "--model", model, "--min-probability", "0.9999"],
      input: Data("the striker scored\n".utf8))
    #expect(abstaining.status == 0, "\(abstaining.standardError)")
    let answer = try #require(try Self.objects(abstaining.standardOutput).first?["topic"])
    #expect(answer["label"] is NSNull)
    #expect(answer["reason"] as? String == "below 0.9999")
    #expect(answer["candidate"] as? String == "sports")
  }

  @Test func explainAddsTheStrongestTokensToEachAnswer() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    _ = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    let model = workspace.path("out/model.mtl")
    let input = "The Striker scored twice\nWIN a FREE prize now\n"
    let result = try CommandRunner.run(
      ["predict", "--model", model, "--explain", "3"], input: Data(input.utf8))
    #expect(result.status == 0, "\(result.standardError)")
    let objects = try Self.objects(result.standardOutput)
    #expect(objects.count == 2)
    for (object, text) in zip(objects, input.split(separator: "\n")) {
      for task in ["topic", "spam"] {
        let explanation = try #require(object[task]?["explanation"] as? [[String: Any]])
        #expect(!explanation.isEmpty && explanation.count <= 3)
        for entry in explanation {
          let token = try #require(entry["token"] as? String)
          // Tokens are quoted as written in the input, not normalized.
          #expect(text.contains(token), "\(token) in \(text)")
          #expect(entry["contribution"] is Double)
        }
      }
    }
    let plain = try CommandRunner.run(["predict", "--model", model], input: Data(input.utf8))
    #expect(try Self.objects(plain.standardOutput).first?["topic"]?["explanation"] == nil)
    let tsv = try CommandRunner.run(
      ["predict", "--model", model, "--explain", "3", "--format", "tsv"], input: Data(input.utf8))
    #expect(tsv.status != 0)
    #expect(tsv.standardError.contains("--top-k and --explain need --format jsonl"))
  }

  @Test func aMultiLabelModelAnswersListsInJSONAndBarsInTSV() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    var lines: [String] = []
    for round in 0..<10 {
      let filler = ["car", "hat", "door", "ball", "shirt"][round % 5]
      lines += [
        "{\"text\": \"red \(filler)\", \"labels\": {\"colour\": [\"a\"]}}",
        "{\"text\": \"blue \(filler)\", \"labels\": {\"colour\": [\"b\"]}}",
        "{\"text\": \"red and blue \(filler)\", \"labels\": {\"colour\": [\"a\", \"b\"]}}",
        "{\"text\": \"plain \(filler)\", \"labels\": {\"colour\": []}}",
      ]
    }
    try workspace.write(lines, "colour.jsonl")
    try workspace.write(
      [
        "tasks:", "  - name: colour", "    type: multiLabel", "    thresholds: tuned",
        "    train: colour.jsonl", "    dev: colour.jsonl", "model: {dimension: 8}",
        "features: {buckets: 2000}", "training: {epochs: 30}", "output: {directory: multi}",
      ], "multi.yaml")
    let trained = try CommandRunner.run(["train", workspace.path("multi.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    let model = workspace.path("multi/model.mtl")
    let input = "blue red hat\nplain door\nzebra\n"
    let result = try CommandRunner.run(["predict", "--model", model], input: Data(input.utf8))
    #expect(result.status == 0, "\(result.standardError)")
    let objects = try Self.objects(result.standardOutput)
    #expect(objects.count == 3)
    let both = try #require(objects[0]["colour"]?["labels"] as? [[String: Any]])
    #expect(Set(both.compactMap { $0["label"] as? String }) == ["a", "b"])
    #expect((objects[1]["colour"]?["labels"] as? [Any])?.isEmpty == true)
    #expect(objects[2]["colour"]?["labels"] is NSNull)
    #expect(objects[2]["colour"]?["reason"] as? String == "no known tokens")

    let tsv = try CommandRunner.run(
      ["predict", "--model", model, "--format", "tsv"], input: Data(input.utf8))
    let rows = tsv.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows.first == "colour\tcolour_probability\tcolour_reason")
    let labels = rows.dropFirst().map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)[0]
    }
    #expect(["a|b", "b|a"].contains(labels[0]), "\(rows)")
    #expect(labels[1] == "" && labels[2] == "")
  }
}
