import Foundation
import Testing

extension ReliabilityCommandTests {
  // MARK: 18. mtl eval with a configuration of another model

  /// Writes `<name>.yaml` whose tasks are `tasks`, each trained and tested on `file`.
  static func configureTasks(
    _ workspace: Workspace, _ name: String, _ tasks: [String], file: String = "good.jsonl"
  ) throws {
    var lines = ["tasks:"]
    for task in tasks {
      lines += ["  - name: \(task)", "    train: \(file)", "    test: \(file)"]
    }
    lines += [
      "model: {dimension: 8}", "features: {buckets: 2000}",
      "training: {epochs: 2, learningRate: 0.5}", "output: {directory: out-\(name)}",
    ]
    try workspace.write(lines.joined(separator: "\n") + "\n", "\(name).yaml")
  }

  @Test func evalWithAConfigurationOfAnotherModelFailsAndNamesBothSides() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    try Self.configureTasks(workspace, "other", ["sentiment"])
    let result = try CommandRunner.run(
      ["eval", "--model", model, "--config", workspace.path("other.yaml")])
    expectCleanFailure(
      result,
      mentioning: [
        "other.yaml does not describe this model: none of its tasks (\"sentiment\")",
        "is a task of \(model) (\"topic\")",
      ])
  }

  @Test func evalNamesTheTasksItSkips() throws {
    let workspace = try Workspace()
    let records = [
      ("the striker scored twice", "sports", "happy"), ("fans cheered the team", "sports", "happy"),
      ("the minister resigned", "politics", "sad"), ("voters were angry", "politics", "sad"),
    ].map { #"{"text": "\#($0.0)", "labels": {"topic": "\#($0.1)", "mood": "\#($0.2)"}}"# }
    try workspace.write(records.joined(separator: "\n") + "\n", "two.jsonl")
    try Self.configureTasks(workspace, "two", ["topic", "mood"], file: "two.jsonl")
    let trained = try CommandRunner.run(["train", workspace.path("two.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    let model = workspace.path("out-two/model.mtl")
    // A configuration with one of the model's tasks and one it does not have.
    try Self.configureTasks(workspace, "half", ["topic", "weather"], file: "two.jsonl")
    let result = try CommandRunner.run(
      ["eval", "--model", model, "--config", workspace.path("half.yaml")])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "mtl: warning: task \"weather\" of \(workspace.path("half.yaml")) is not a task of the"
          + " model; not evaluated"))
    #expect(
      result.standardError.contains(
        "mtl: warning: task \"mood\" of the model is not in \(workspace.path("half.yaml"));"
          + " not evaluated (use --task mood=file)"))
    #expect(result.standardOutput.contains("topic"))
  }
}
