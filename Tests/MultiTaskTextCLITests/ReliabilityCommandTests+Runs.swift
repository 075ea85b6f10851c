import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension ReliabilityCommandTests {
  // MARK: 4. Configuration

  static let configurationErrors: [(overrides: [String], message: String)] = [
    (["training.epoch=3"], "unknown key \"training.epoch\"; did you mean \"epochs\"?"),
    (["training.epochs=many"], "\"training.epochs\" must be an integer, found \"many\""),
    (["model.dimension=0"], "\"model.dimension\" must be at least 1, found 0"),
    (
      ["training.learningRate=-0.1"],
      "\"training.learningRate\" must be a finite number greater than 0, found -0.1"
    ),
    (
      ["features.minn=5", "features.maxn=3"],
      "\"features.minn\" (5) must not exceed \"features.maxn\" (3)"
    ),
  ]

  @Test(arguments: configurationErrors)
  func configurationErrorsNameTheKeyPathBeforeAnyWork(overrides: [String], message: String) throws {
    let workspace = try Workspace()
    let result = try CommandRunner.run(
      ["train", workspace.path("good.yaml")] + overrides.flatMap { ["--set", $0] })
    // A value error names the `--set` that gave the value; a check across keys names the file.
    let label =
      message.hasPrefix("\"features.minn\"") ? "good.yaml" : "--set \(overrides.last ?? "")"
    expectCleanFailure(result, mentioning: ["\(label): \(message)"])
    #expect(workspace.contents(of: "out-good") == nil)
  }

  @Test func duplicateTaskNamesAndAMissingLabelFieldAreNamed() throws {
    let workspace = try Workspace()
    try workspace.write(
      "tasks:\n  - {name: topic, train: good.jsonl}\n  - {name: topic, train: good.jsonl}\n",
      "duplicate.yaml")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("duplicate.yaml")]),
      mentioning: ["duplicate.yaml: \"tasks[1].name\": duplicate task name \"topic\""])

    try workspace.configure("category", train: "good.jsonl", task: ["labelField: category"])
    let result = try CommandRunner.run(["train", workspace.path("category.yaml")])
    expectCleanFailure(
      result,
      mentioning: [
        "\(workspace.path("good.jsonl")):1: the first record has no label field \"category\""
          + " (labelField of task \"topic\")", "its fields are \"text\", \"label\"",
      ])
    #expect(!result.standardError.contains("no example is labelled"))
    #expect(!result.standardError.contains("read "))
  }

  // MARK: 5. Labels

  @Test func anUnseenTestLabelIsEvaluatedAndNamed() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    try workspace.write(
      Workspace.goodLines[0] + "\n" + #"{"text": "rain all week", "label": "weather"}"# + "\n",
      "unseen.jsonl")
    let result = try CommandRunner.run(
      ["eval", "--model", model, "--task", "topic=\(workspace.path("unseen.jsonl"))"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("examples  2"))
    #expect(
      result.standardOutput.contains("unseen test labels (not in training, always counted wrong):"))
    #expect(result.standardOutput.contains("\"weather\" ×1"))
  }

  @Test func aLabelSeenOnceTrains() throws {
    let workspace = try Workspace()
    try workspace.write(
      (Workspace.goodLines + [#"{"text": "rain all week", "label": "weather"}"#])
        .joined(separator: "\n"), "rare.jsonl")
    try workspace.configure("rare", train: "rare.jsonl")
    let result = try CommandRunner.run(["train", workspace.path("rare.yaml"), "--quiet"])
    #expect(result.status == 0, "\(result.standardError)")
    let predicted = try CommandRunner.run(
      ["predict", "--model", workspace.path("out-rare/model.mtl"), "--top-k", "3"],
      input: Data("rain\n".utf8))
    #expect(predicted.standardOutput.contains("\"weather\""))
  }

  // MARK: 6. Model files

  @Test func predictNamesEveryKindOfBrokenModelFile() throws {
    let workspace = try Workspace()
    let good = try Array(Data(contentsOf: URL(fileURLWithPath: workspace.trainGoodModel())))
    var flipped = good
    flipped[good.count / 2] ^= 0xFF
    var magic = good
    magic.replaceSubrange(0..<4, with: Array("XXXX".utf8))
    var newer = good
    newer[4] = 9
    let cases: [(String, [UInt8], String)] = [
      ("truncated.mtl", Array(good.prefix(100)), "the model file is truncated at byte"),
      ("flipped.mtl", flipped, "the model file is damaged (checksum mismatch)"),
      ("magic.mtl", magic, "not an mtl model file (the magic number \"MTLM\" is missing)"),
      ("newer.mtl", newer, "model format version 9 is newer than this mtl supports (2)"),
      ("text.mtl", Array(Workspace.goodLines[0].utf8), "not an mtl model file"),
      ("empty.mtl", [], "the model file is truncated at byte 0"),
    ]
    for (name, bytes, message) in cases {
      try workspace.write(bytes, name)
      let result = try CommandRunner.run(
        ["predict", "--model", workspace.path(name)], input: Data("striker\n".utf8))
      expectCleanFailure(result, mentioning: ["\(workspace.path(name)): \(message)"])
      #expect(result.standardOutput.isEmpty)
    }
    expectCleanFailure(
      try CommandRunner.run(["predict", "--model", workspace.path("none.mtl")]),
      mentioning: ["\(workspace.path("none.mtl")): cannot read the model: no such file"])
    expectCleanFailure(
      try CommandRunner.run(["predict", "--model", workspace.url.path]),
      mentioning: ["\(workspace.url.path): cannot read the model: is a directory"])
  }

  // MARK: 7. Huge inputs

  @Test func aFiveMegabyteSingleLineDocumentIsClassified() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    let sentence = "the striker scored twice in the final match "
    let line = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count + 1)
    try workspace.write(line + "\n", "huge.txt")
    let result = try CommandRunner.run(["predict", "--model", model, workspace.path("huge.txt")])
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("{\"topic\":{\"label\":\"sports\"") == true)
  }

  // MARK: 8. Divergence

  @Test func divergenceIsReportedAndWritesNoModelOrTemporaryFile() throws {
    let workspace = try Workspace()
    let result = try CommandRunner.run(
      [
        "train", workspace.path("good.yaml"), "--quiet", "--set", "training.learningRate=1e9",
        "--set", "training.optimizer=sgd",
        "--set", "training.epochs=30",
      ])
    expectCleanFailure(
      result,
      mentioning: [
        "training diverged in epoch", "the loss became NaN or infinite",
        "no model was written", "try a smaller learning rate (training.learningRate)",
      ])
    #expect(!FileManager.default.fileExists(atPath: workspace.path("out-good/model.mtl")))
    #expect((workspace.contents(of: "out-good") ?? []).isEmpty)
  }

  // MARK: 10. Prediction input

  @Test func everyPredictionInputLineGetsAnOutputLine() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    let input: [UInt8] =
      Array("striker\n\n   \n\t\n".utf8) + [0xFF, 0xC3, 0x28, 0x0A] + Array("minister\n".utf8)
    let result = try CommandRunner.run(["predict", "--model", model], input: Data(input))
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 7)
    #expect(lines.dropLast().allSatisfy { $0.hasPrefix("{\"topic\":{\"label\":") })
    #expect(lines.last == "")
  }

  @Test(arguments: ["predict", "tokenize"])
  func aClosedOutputPipeEndsQuietly(_ command: String) throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    let many = String(repeating: "the striker scored twice in the final match\n", count: 50_000)
    try workspace.write(many, "many.txt")
    let arguments =
      command == "predict"
      ? ["predict", "--model", model, workspace.path("many.txt")]
      : ["tokenize", workspace.path("many.txt")]
    let result = try runClosingOutputAfterFirstLine(arguments)
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty, "\(result.standardError)")
    #expect(!result.standardOutput.isEmpty)
  }
}
