import Foundation
import Testing

/// `mtl compare` end to end on the tiny two-task workspace of the train tests.
struct CompareCommandTests {
  @Test func printsTheTableAndWritesItInThreeFormats() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    let result = try CommandRunner.run(["compare", workspace.path("config.yaml"), "--quiet"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("95% interval"))
    #expect(result.standardOutput.contains("topic"))
    #expect(result.standardOutput.contains("spam"))
    #expect(result.standardOutput.contains("mean"))
    for name in ["compare.json", "compare.md", "compare.html"] {
      #expect(FileManager.default.fileExists(atPath: workspace.path("out/\(name)")), "\(name)")
    }
    let json =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: workspace.path("out/compare.json"))))
      as? [String: Any]
    let rows = try #require(json?["rows"] as? [[String: Any]])
    #expect(rows.map { $0["task"] as? String } == ["topic", "spam"])
    for row in rows {
      let single = try #require((row["single"] as? [String: Any])?["accuracy"] as? Double)
      let multi = try #require((row["multi"] as? [String: Any])?["accuracy"] as? Double)
      let change = try #require(row["accuracyChange"] as? Double)
      #expect(abs(change - (multi - single)) < 1e-9)
      // Negative transfer needs a significant paired loss, never a mere lower accuracy.
      let paired = try #require(row["paired"] as? [String: Any])
      let p = try #require(paired["pValue"] as? Double)
      #expect(row["negativeTransfer"] as? Bool == (multi < single && p < 0.05))
      let lower = try #require(paired["lower"] as? Double)
      let upper = try #require(paired["upper"] as? Double)
      #expect(lower <= upper)
    }
    let markdown = try String(contentsOfFile: workspace.path("out/compare.md"), encoding: .utf8)
    #expect(markdown.contains("| task | examples | single acc"))
    #expect(json?["schemaVersion"] as? Int == 2)
    #expect((json?["settings"] as? [String: Any])?["seed"] != nil)
    #expect((json?["run"] as? [String: Any])?["mtlVersion"] as? String == "0.1.0")
  }

  @Test func needsATestFileForEveryTask() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    try workspace.write(
      ["tasks:", "  - name: topic", "    train: topic.jsonl", "output: {directory: out}"],
      "no-test.yaml")
    let result = try CommandRunner.run(["compare", workspace.path("no-test.yaml"), "--quiet"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("compare needs a test file for every task"))
    #expect(result.standardError.contains("\"topic\""))
  }
}
