import Foundation
import Testing

/// `mtl compare` end to end on the tiny two-task workspace of the train tests.
struct CompareCommandTests {
  @Test func printsTheTableAndWritesItInThreeFormats() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    let result = try CommandRunner.run(["compare", workspace.path("config.yaml"), "--quiet"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("single acc"))
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
      #expect(abs(change - (multi - single) * 100) < 1e-9)
      #expect(row["negativeTransfer"] as? Bool == (multi < single))
    }
    let markdown = try String(contentsOfFile: workspace.path("out/compare.md"), encoding: .utf8)
    #expect(markdown.contains("| task | examples | single acc"))
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
