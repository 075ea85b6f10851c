import Foundation
import Testing

extension ReliabilityCommandTests {
  // MARK: 13. Strict input types

  @Test func aDuplicateKeyInAJSONConfigurationIsAnError() throws {
    let workspace = try Workspace()
    try workspace.write(
      #"{"tasks": [{"name": "topic", "train": "good.jsonl"}],"#
        + "\n" + #" "training": {"epochs": 5, "epochs": 50}}"# + "\n", "dup.json")
    let result = try CommandRunner.run(["train", workspace.path("dup.json"), "--quiet"])
    expectCleanFailure(
      result, mentioning: ["dup.json: syntax error at line 2, column 28: duplicate key \"epochs\""])
  }

  @Test func anObjectAsASingleLabelIsReportedNotDropped() throws {
    let workspace = try Workspace()
    try workspace.write(
      (Workspace.goodLines + [#"{"text": "the vote", "label": {"name": "politics"}}"#])
        .joined(separator: "\n") + "\n", "object.jsonl")
    try workspace.configure("object", train: "object.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("object.yaml"), "--quiet"]),
      mentioning: [
        "object.jsonl:7:",
        "label \"label\" must be one label (a string, number or boolean)"
          + " for task \"topic\", found an object",
      ])
    // The same object under "labels" is the multi-task form and trains.
    try workspace.write(
      (Workspace.goodLines + [#"{"text": "the vote", "labels": {"topic": "politics"}}"#])
        .joined(separator: "\n") + "\n", "tasks.jsonl")
    try workspace.configure("tasks", train: "tasks.jsonl")
    let result = try CommandRunner.run(["train", workspace.path("tasks.yaml"), "--quiet"])
    #expect(result.status == 0, "\(result.standardError)")
  }
}
