import Foundation
import Testing

/// The reliability catalogue, end to end: each case feeds the real `mtl` binary bad input and
/// checks the exact outcome (see docs/RELIABILITY.md for the messages).
struct ReliabilityCommandTests {
  /// A temporary folder with a small good corpus, and helpers to add bad ones.
  final class Workspace {
    let url: URL
    static let goodLines = [
      #"{"text": "the striker scored twice in the final match", "label": "sports"}"#,
      #"{"text": "the goalkeeper saved a penalty in extra time", "label": "sports"}"#,
      #"{"text": "fans cheered as the team won the league", "label": "sports"}"#,
      #"{"text": "parliament passed the budget after a debate", "label": "politics"}"#,
      #"{"text": "the minister resigned over the election scandal", "label": "politics"}"#,
      #"{"text": "voters elect a new senate in the spring", "label": "politics"}"#,
    ]

    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("mtl-rel-\(UUID())")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try write(Self.goodLines.joined(separator: "\n") + "\n", "good.jsonl")
      try configure("good", train: "good.jsonl")
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ text: String, _ name: String) throws {
      try write(Array(text.utf8), name)
    }
    func write(_ bytes: [UInt8], _ name: String) throws {
      try Data(bytes).write(to: url.appendingPathComponent(name))
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `<name>.yaml`: one task "topic" trained on `train`, output in `out-<name>`.
    func configure(_ name: String, train: String, task extra: [String] = []) throws {
      let lines =
        ["tasks:", "  - name: topic", "    train: \(train)"] + extra.map { "    \($0)" }
        + [
          "model: {dimension: 8}", "features: {buckets: 2000}",
          "training: {epochs: 5, learningRate: 0.5}", "output: {directory: out-\(name)}",
        ]
      try write(lines.joined(separator: "\n") + "\n", "\(name).yaml")
    }

    /// Trains the good configuration and returns the model's path.
    func trainGoodModel() throws -> String {
      let result = try CommandRunner.run(["train", path("good.yaml"), "--quiet"])
      #expect(result.status == 0, "\(result.standardError)")
      return path("out-good/model.mtl")
    }

    /// The names in a folder, or nil when it does not exist.
    func contents(of folder: String) -> [String]? {
      try? FileManager.default.contentsOfDirectory(atPath: path(folder))
    }
  }

  // MARK: 1. Malformed records

  static let malformed: [(name: String, contents: String, message: String)] = [
    (
      "broken.jsonl", Workspace.goodLines[0] + "\n{\"text\": \"broken\n",
      "broken.jsonl:2:17: unterminated string"
    ),
    (
      "unclosed.csv", "text,label\nstriker,sports\n\"unclosed quote,sports\nminister,politics\n",
      "unclosed.csv:3: unclosed quote opened here"
    ),
    (
      "columns.csv", "text,label\nstriker,sports\nparliament,politics,extra\n",
      "columns.csv:3: expected 2 columns, found 3"
    ),
    (
      "notext.jsonl", Workspace.goodLines[0] + "\n{\"label\": \"politics\"}\n",
      "notext.jsonl:2: missing text field \"text\""
    ),
    (
      "nolabelcell.csv", "text\nstriker\n", "nolabelcell.csv:1: no column named \"label\""
    ),
  ]

  @Test(arguments: malformed)
  func aMalformedRecordStopsTrainPipelineAndEval(
    _ name: String, contents: String, message: String
  ) throws {
    let workspace = try Workspace()
    try workspace.write(contents, name)
    try workspace.configure("bad", train: name, task: ["test: \(name)"])
    for command in ["train", "pipeline"] {
      let result = try CommandRunner.run([command, workspace.path("bad.yaml"), "--quiet"])
      expectCleanFailure(result, mentioning: [workspace.path(message)])
      #expect(workspace.contents(of: "out-bad") == nil)
    }
    let model = try workspace.trainGoodModel()
    let eval = try CommandRunner.run(
      ["eval", "--model", model, "--task", "topic=\(workspace.path(name))"])
    expectCleanFailure(eval, mentioning: [message])
  }

  @Test func skipInvalidSkipsAndReportsCountAndLocationsEvenWhenQuiet() throws {
    let workspace = try Workspace()
    var lines = Workspace.goodLines
    lines.insert("{\"text\": \"broken", at: 1)
    lines.insert("{\"label\": \"sports\"}", at: 3)
    try workspace.write(lines.joined(separator: "\n") + "\n", "messy.jsonl")
    try workspace.configure("messy", train: "messy.jsonl", task: ["test: messy.jsonl"])
    let path = workspace.path("messy.jsonl")
    let expected = [
      "mtl: warning: skipped 2 invalid record(s) in \(path); the first:",
      "  \(path):2:17: unterminated string",
      "  \(path):4: missing text field \"text\"",
    ]
    for command in ["train", "pipeline"] {
      let result = try CommandRunner.run(
        [command, workspace.path("messy.yaml"), "--quiet", "--skip-invalid"])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardError.split(separator: "\n").map(String.init) == expected)
    }
    let eval = try CommandRunner.run(
      [
        "eval", "--model", workspace.path("out-messy/model.mtl"), "--task", "topic=\(path)",
        "--skip-invalid", "--format", "json",
      ])
    #expect(eval.status == 0, "\(eval.standardError)")
    #expect(eval.standardError.split(separator: "\n").map(String.init) == expected)
    // The configuration option does the same as the flag.
    let configured = try CommandRunner.run(
      ["train", workspace.path("messy.yaml"), "--quiet", "--set", "training.skipInvalid=true"])
    #expect(configured.status == 0)
    #expect(configured.standardError.contains("skipped 2 invalid record(s)"))
  }

  // MARK: 2. Missing, unreadable and empty files

  @Test func missingDirectoryEmptyAndUnlabelledFilesAreClearErrors() throws {
    let workspace = try Workspace()
    try workspace.configure("missing", train: "nothere.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("missing.yaml")]),
      mentioning: ["\"tasks[0].train\": file not found: \(workspace.path("nothere.jsonl"))"])

    try FileManager.default.createDirectory(
      atPath: workspace.path("folder.jsonl"), withIntermediateDirectories: true)
    try workspace.configure("folder", train: "folder.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("folder.yaml")]),
      mentioning: ["\"tasks[0].train\": not a regular file: \(workspace.path("folder.jsonl"))"])

    try workspace.write("", "empty.jsonl")
    try workspace.configure("empty", train: "empty.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("empty.yaml")]),
      mentioning: [
        "\(workspace.path("empty.jsonl")): the training file of task \"topic\" is empty"
      ])

    try workspace.write("text,label\nstriker,\nminister,\n", "unlabelled.csv")
    try workspace.configure("unlabelled", train: "unlabelled.csv")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("unlabelled.yaml")]),
      mentioning: ["\(workspace.path("unlabelled.csv")): no example is labelled for task \"topic\""]
    )

    let model = try workspace.trainGoodModel()
    expectCleanFailure(
      try CommandRunner.run(["predict", "--model", model, workspace.path("folder.jsonl")]),
      mentioning: ["\(workspace.path("folder.jsonl")): is a directory, not a file"])
  }

  @Test func anUnreadableFileIsAClearError() throws {
    // chmod 000 does not stop root, so the sub-case is skipped when the tests run as root.
    guard getuid() != 0 else { return }
    let workspace = try Workspace()
    try workspace.write(Workspace.goodLines.joined(separator: "\n"), "secret.jsonl")
    chmod(workspace.path("secret.jsonl"), 0)
    try workspace.configure("secret", train: "secret.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("secret.yaml")]),
      mentioning: ["permission denied", workspace.path("secret.jsonl")])
  }

  // MARK: 3. Encoding

  @Test func invalidUTF8IsRepairedWithAWarningOrRejectedWhenStrict() throws {
    let workspace = try Workspace()
    var bytes = Array((Workspace.goodLines.joined(separator: "\n") + "\n").utf8)
    bytes +=
      Array("{\"text\": \"odd ".utf8) + [0xFF, 0xFE]
      + Array(" bytes\", \"label\": \"sports\"}\n".utf8)
    try workspace.write(bytes, "latin.jsonl")
    try workspace.configure("repaired", train: "latin.jsonl")
    let repaired = try CommandRunner.run(["train", workspace.path("repaired.yaml"), "--quiet"])
    #expect(repaired.status == 0)
    #expect(
      repaired.standardError
        == "mtl: warning: replaced invalid UTF-8 with U+FFFD in 1 line(s): "
        + "\(workspace.path("latin.jsonl")):7\n"
        + "  the file decodes cleanly as windows-1252: if it is not UTF-8, set encoding:"
        + " windows-1252 for it\n")
    // A byte Windows-1252 leaves undefined points to Latin-1 instead.
    var undefined = Array((Workspace.goodLines.joined(separator: "\n") + "\n").utf8)
    undefined +=
      Array("{\"text\": \"odd ".utf8) + [0x81] + Array("\", \"label\": \"sports\"}\n".utf8)
    try workspace.write(undefined, "c1.jsonl")
    try workspace.configure("c1", train: "c1.jsonl")
    let hinted = try CommandRunner.run(["train", workspace.path("c1.yaml"), "--quiet"])
    #expect(hinted.standardError.contains("decodes cleanly as latin1"))

    try workspace.configure("strict", train: "latin.jsonl", task: ["strictEncoding: true"])
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("strict.yaml")]),
      mentioning: ["\(workspace.path("latin.jsonl")):7:15: invalid utf-8 byte sequence"])
  }

  @Test func utf16AndBinaryFilesAreRejectedByName() throws {
    let workspace = try Workspace()
    let text = Workspace.goodLines.joined(separator: "\n") + "\n"
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    try workspace.write(utf16, "utf16.jsonl")
    try workspace.configure("utf16", train: "utf16.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("utf16.yaml"), "--skip-invalid"]),
      mentioning: [
        "\(workspace.path("utf16.jsonl")):1: the file looks like UTF-16; convert it to UTF-8"
      ])

    try workspace.write(EncodingFixtures.png, "image.png")
    try workspace.configure("png", train: "image.png", task: ["format: fasttext"])
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("png.yaml")]),
      mentioning: [
        "\(workspace.path("image.png")):3: line 3 contains NUL bytes (first at byte 1), so this"
          + " looks like binary data, not text"
      ])

    if let executable = FileManager.default.contents(atPath: "/bin/ls") {
      try workspace.write(Array(executable), "ls.jsonl")
      try workspace.configure("ls", train: "ls.jsonl")
      expectCleanFailure(
        try CommandRunner.run(["train", workspace.path("ls.yaml")]),
        mentioning: [
          "\(workspace.path("ls.jsonl")):1: line 1 contains NUL bytes", "binary data, not text",
        ])
    }
  }

  @Test func aByteOrderMarkAndCRLFTrainNormally() throws {
    let workspace = try Workspace()
    try workspace.write(
      [0xEF, 0xBB, 0xBF] + Array(Workspace.goodLines.joined(separator: "\r\n").utf8), "bom.jsonl")
    try workspace.configure("bom", train: "bom.jsonl")
    let result = try CommandRunner.run(["train", workspace.path("bom.yaml"), "--quiet"])
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
  }
}

/// Byte fixtures shared by the encoding tests.
enum EncodingFixtures {
  /// A tiny 1×1 PNG: signature, IHDR, IDAT, IEND.
  static let png: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
    0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60,
    0x60, 0x60, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0xF6, 0x17, 0x38, 0x55, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
  ]
}
