import Foundation
import Testing

/// `mtl tune` as a user runs it: `--budget` takes units, the search writes into its own
/// `tune/` folder without touching the model another command wrote, and it ends with the kept
/// settings and the best trials. Also the epoch lines of a multi-label run, which name the
/// metric that selects.
struct TuneCommandTests {
  @Test func tuneWritesBesideThePipelinesModelAndEndsWithTheTopTrials() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    let trained = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    let pipelineModel = try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/model.mtl")))

    let tuned = try CommandRunner.run(
      ["tune", workspace.path("config.yaml"), "--budget", "1m", "--trials", "3", "--quiet"])
    #expect(tuned.status == 0, "\(tuned.standardError)")
    let after = try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/model.mtl")))
    #expect(after == pipelineModel, "tune replaced the model in out/")
    for name in ["tuned.yaml", "model.mtl", "report.html", "report.md", "trials.jsonl"] {
      #expect(FileManager.default.fileExists(atPath: workspace.path("out/tune/\(name)")), "\(name)")
    }
    #expect(tuned.standardOutput.contains("  \(workspace.path("out/tune/model.mtl"))"))
    #expect(tuned.standardOutput.contains("top 3 of 3 trials, best first:"))
    #expect(tuned.standardOutput.contains("kept settings"))
    let html = try String(contentsOfFile: workspace.path("out/tune/report.html"), encoding: .utf8)
    #expect(html.contains("<table class=\"trials stack\">"))
    #expect(html.contains("<rect class=\"band\""))
  }

  @Test(arguments: [
    ("30s", true), ("5m", true), ("1h30m", true), ("90", true), ("5x", false), ("0", false),
    ("-3s", false),
  ])
  func theBudgetTakesUnits(budget: String, accepted: Bool) throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    // --trials 1 keeps an accepted run short; a refused budget fails before any work.
    let result = try CommandRunner.run(
      ["tune", workspace.path("config.yaml"), "--budget", budget, "--trials", "1", "--quiet"])
    if accepted {
      #expect(result.status == 0, "\(budget): \(result.standardError)")
    } else {
      #expect(result.status != 0)
      #expect(result.standardError.contains("--budget"), "\(result.standardError)")
    }
  }

  @Test func aMultiLabelRunsEpochLinesNameMacroF1() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    let lines = (0..<40).map { index -> String in
      let labels = [["a"], ["b"], ["a", "b"], []][index % 4]
      let words = ["red hat", "blue door", "red blue car", "plain box"][index % 4]
      let list = labels.map { "\"\($0)\"" }.joined(separator: ", ")
      return "{\"text\": \"\(words) \(index)\", \"label\": [\(list)]}"
    }
    try workspace.write(lines, "colour.jsonl")
    try workspace.write(
      [
        "tasks:", "  - name: colour", "    type: multiLabel", "    train: colour.jsonl",
        "    dev: colour.jsonl", "model: {dimension: 8}", "features: {buckets: 2000}",
        "training: {epochs: 4}", "output: {directory: multi}",
      ], "multi.yaml")
    let result = try CommandRunner.run(["train", workspace.path("multi.yaml")])
    #expect(result.status == 0, "\(result.standardError)")
    // Each epoch's line (however it is folded to the width) names macro-F1.
    let epochLines = result.standardError.split(separator: "\n").filter {
      $0.hasPrefix("epoch ") && $0.contains("done")
    }
    #expect(epochLines.count == 4, "\(result.standardError)")
    #expect(result.standardError.components(separatedBy: "macroF1").count - 1 >= 4)
    #expect(!result.standardError.contains("dev accuracy"))
  }
}
