import Foundation
import Testing

/// End-to-end runs of `mtl train`, `mtl predict` and `mtl pipeline` on a tiny corpus of ours.
struct TrainPredictCommandTests {
  final class Workspace {
    let url: URL
    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("mtl-cli-\(UUID())")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      let topic = [
        ("the striker scored twice in the final match", "sports"),
        ("the goalkeeper saved a penalty in extra time", "sports"),
        ("fans cheered as the team won the league", "sports"),
        ("parliament passed the budget after a debate", "politics"),
        ("the minister resigned over the election scandal", "politics"),
        ("voters elect a new senate in the spring", "politics"),
      ]
      try write(topic.map { "{\"text\": \"\($0.0)\", \"label\": \"\($0.1)\"}" }, "topic.jsonl")
      try write(
        [
          "label,message", "spam,WIN a FREE prize now call 0800", "ham,see you at lunch tomorrow",
          "spam,\"free entry, claim your cash prize\"", "ham,\"can you send the slides, thanks\"",
        ],
        "spam.csv")
      try write(
        [
          "tasks:", "  - name: topic", "    train: topic.jsonl", "    test: topic.jsonl",
          "  - name: spam", "    train: spam.csv", "    test: spam.csv", "    textColumns: message",
          "model: {dimension: 8}", "features: {buckets: 2000}",
          "training: {epochs: 30, learningRate: 0.5}", "output: {directory: out}",
        ], "config.yaml")
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func write(_ lines: [String], _ name: String) throws {
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(
        to: url.appendingPathComponent(name))
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
  }

  @Test func trainsThenPredictsEveryTaskPerLine() throws {
    let workspace = try Workspace()
    let trained = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    #expect(trained.standardOutput.contains("wrote \(workspace.path("out/model.mtl"))"))
    #expect(FileManager.default.fileExists(atPath: workspace.path("out/vocabulary.tsv")))

    let input = "the striker scored in the match\n\n\u{FFFD}\nWIN a FREE prize\n"
    let predicted = try CommandRunner.run(
      ["predict", "--model", workspace.path("out/model.mtl"), "--top-k", "2"],
      input: Data(input.utf8))
    #expect(predicted.status == 0, "\(predicted.standardError)")
    let lines = predicted.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 5)
    let objects = try lines.prefix(4).map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: [String: Any]]
    }
    #expect(objects[0]?["topic"]?["label"] as? String == "sports")
    #expect(objects[3]?["spam"]?["label"] as? String == "spam")
    #expect((objects[0]?["spam"]?["top"] as? [[String: Any]])?.count == 2)
    #expect(objects[1]?.keys.sorted() == ["spam", "topic"])

    let tsv = try CommandRunner.run(
      ["predict", "--model", workspace.path("out/model.mtl"), "--format", "tsv"],
      input: Data("fans cheered the team\n".utf8))
    #expect(
      tsv.standardOutput.hasPrefix(
        "topic\ttopic_probability\ttopic_reason\tspam\tspam_probability\tspam_reason\nsports\t"))
  }

  @Test func pipelineWritesModelVocabularyAndReport() throws {
    let workspace = try Workspace()
    let result = try CommandRunner.run(["pipeline", workspace.path("config.yaml")])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("summary"))
    for name in ["model.mtl", "vocabulary.tsv", "report.json", "report.md", "report.html"] {
      #expect(FileManager.default.fileExists(atPath: workspace.path("out/\(name)")), "\(name)")
      #expect(result.standardOutput.contains(workspace.path("out/\(name)")), "\(name)")
    }
    let html = try String(contentsOfFile: workspace.path("out/report.html"), encoding: .utf8)
    #expect(html.components(separatedBy: "<svg class=\"confusion\"").count == 3)
    let report =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: workspace.path("out/report.json"))))
      as? [String: Any]
    let tasks = report?["tasks"] as? [String: [String: Any]]
    #expect(report?["schemaVersion"] as? Int == 2)
    #expect((report?["history"] as? [String: Any])?["epochs"] is [Any])
    #expect(tasks?["topic"]?["accuracy"] as? Double == 1)
    #expect(tasks?["spam"]?["macroF1"] is Double)
    #expect(result.standardError.contains("epoch 30 done"))
  }

  @Test func evalPrintsPerClassTablesAndWritesEveryFormat() throws {
    let workspace = try Workspace()
    _ = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    let model = workspace.path("out/model.mtl")
    let text = try CommandRunner.run(
      ["eval", "--model", model, "--config", workspace.path("config.yaml")])
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("politics"))
    #expect(text.standardOutput.contains("precision"))
    #expect(text.standardOutput.contains("summary"))
    for format in ["json", "markdown", "html"] {
      let path = workspace.path("eval.\(format)")
      let result = try CommandRunner.run(
        [
          "eval", "--model", model, "--config", workspace.path("config.yaml"), "--format", format,
          "--output", path,
        ])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(FileManager.default.fileExists(atPath: path))
    }
    let json =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: workspace.path("eval.json")))) as? [String: Any]
    #expect(((json?["tasks"] as? [String: Any])?["spam"] as? [String: Any])?["accuracy"] is Double)
  }

  @Test func evalTakesOtherFilesPerTaskAndNamesUnseenLabels() throws {
    let workspace = try Workspace()
    _ = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    try workspace.write(
      [
        "{\"text\": \"the striker scored\", \"label\": \"sports\"}",
        "{\"text\": \"rain all week\", \"label\": \"weather\"}",
      ], "other.jsonl")
    let result = try CommandRunner.run(
      [
        "eval", "--model", workspace.path("out/model.mtl"), "--task",
        "topic=\(workspace.path("other.jsonl"))", "--format", "json",
      ])
    #expect(result.status == 0, "\(result.standardError)")
    let json =
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
    let topic = (json?["tasks"] as? [String: Any])?["topic"] as? [String: Any]
    #expect(topic?["examples"] as? Int == 2)
    #expect((topic?["unseenLabels"] as? [[String: Any]])?.first?["label"] as? String == "weather")
    #expect((json?["tasks"] as? [String: Any])?["spam"] == nil)

    let unknown = try CommandRunner.run(
      ["eval", "--model", workspace.path("out/model.mtl"), "--task", "mood=x.jsonl"])
    #expect(unknown.status == 1)
    #expect(unknown.standardError.contains("the model has no task \"mood\""))
  }

  @Test func showsPlainProgressLinesWhenStandardErrorIsNotATerminal() throws {
    let workspace = try Workspace()
    let words = ["alpha", "beta", "gamma", "delta", "omega", "sigma"]
    try workspace.write(
      (0..<600).map { index in
        "{\"text\": \"\(words[index % 6]) \(words[(index / 6) % 6]) doc\(index)\", "
          + "\"label\": \"\(index % 2 == 0 ? "even" : "odd")\"}"
      }, "many.jsonl")
    try workspace.write(
      [
        "tasks: [{name: parity, train: many.jsonl}]", "training: {epochs: 2}",
        "output: {directory: progress}",
      ], "progress.yaml")
    let shown = try CommandRunner.run(["train", workspace.path("progress.yaml")])
    #expect(shown.status == 0, "\(shown.standardError)")
    let progress = shown.standardError.split(separator: "\n").filter { $0.contains("epoch 1/2") }
    #expect(progress.count >= 1)
    #expect(progress.first?.contains("tokens/s lr ") == true)
    #expect(progress.first?.contains("loss parity ") == true)
    #expect(progress.first?.contains("ETA") == true)
    #expect(!shown.standardError.contains("\u{1B}["))
    let quiet = try CommandRunner.run(["train", workspace.path("progress.yaml"), "--quiet"])
    #expect(quiet.standardError.isEmpty)
  }

  @Test func theSameSeedGivesByteIdenticalModelFiles() throws {
    let workspace = try Workspace()
    for directory in ["a", "b"] {
      let result = try CommandRunner.run(
        [
          "train", workspace.path("config.yaml"), "--quiet", "--set",
          "output.directory=\(directory)",
        ])
      #expect(result.status == 0, "\(result.standardError)")
    }
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: workspace.path("a/model.mtl")))
        == Data(contentsOf: URL(fileURLWithPath: workspace.path("b/model.mtl"))))
  }

  @Test func configurationErrorsNameTheKeyBeforeAnyWork() throws {
    let workspace = try Workspace()
    let unknown = try CommandRunner.run(
      ["train", workspace.path("config.yaml"), "--set", "training.learningrate=1"])
    #expect(unknown.status == 1)
    #expect(unknown.standardError.contains("did you mean \"learningRate\""))
    let missing = try CommandRunner.run(
      ["train", workspace.path("config.yaml"), "--set", "tasks.topic.train=nope.jsonl"])
    #expect(missing.status == 1)
    #expect(missing.standardError.contains("nope.jsonl"))
    #expect(!FileManager.default.fileExists(atPath: workspace.path("out/model.mtl")))
  }

  @Test func predictNamesABrokenModelFile() throws {
    let workspace = try Workspace()
    try workspace.write(["not a model"], "fake.mtl")
    let result = try CommandRunner.run(["predict", "--model", workspace.path("fake.mtl")])
    #expect(result.status == 1)
    #expect(result.standardError.contains("\(workspace.path("fake.mtl")): not an mtl model file"))
  }
}
