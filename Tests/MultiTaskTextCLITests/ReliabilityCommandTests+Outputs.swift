import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension ReliabilityCommandTests {
  // MARK: 11. Output paths

  /// Writes `<name>.yaml` training on good.jsonl (and testing on `test`) with `output` as
  /// the output section's keys.
  static func configureOutputs(
    _ workspace: Workspace, _ name: String, output: String, test: String? = nil
  ) throws {
    let testLine = test.map { ["    test: \($0)"] } ?? []
    let lines =
      ["tasks:", "  - name: topic", "    train: good.jsonl"] + testLine + [
        "model: {dimension: 8}", "features: {buckets: 2000}",
        "training: {epochs: 5, learningRate: 0.5}", "output: {\(output)}",
      ]
    try workspace.write(lines.joined(separator: "\n") + "\n", "\(name).yaml")
  }

  @Test func aBadOutputPathFailsBeforeAnyWork() throws {
    let workspace = try Workspace()
    try Self.configureOutputs(
      workspace, "vocab", output: "directory: out-vocab, vocabularyCopy: good.jsonl/v.tsv")
    let result = try CommandRunner.run(["train", workspace.path("vocab.yaml")])
    expectCleanFailure(
      result,
      mentioning: [
        "\(workspace.path("good.jsonl/v.tsv")): cannot write: a file stands where one of its"
          + " folders should be"
      ])
    // Nothing was read or trained: no progress line, no model.
    #expect(!result.standardError.contains("read "))
    #expect(workspace.contents(of: "out-vocab") == nil)

    try Self.configureOutputs(workspace, "blocked", output: "directory: good.jsonl/out")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("blocked.yaml"), "--quiet"]),
      mentioning: ["good.jsonl/out/model.mtl: cannot write: a file stands where one of its"])
  }

  @Test func aReadOnlyOutputFolderFailsBeforeAnyWork() throws {
    // Root writes into read-only folders, so the case cannot be produced as root.
    guard getuid() != 0 else { return }
    let workspace = try Workspace()
    try FileManager.default.createDirectory(
      atPath: workspace.path("locked"), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o555])
    try Self.configureOutputs(workspace, "locked", output: "directory: locked")
    let result = try CommandRunner.run(["train", workspace.path("locked.yaml")])
    expectCleanFailure(result, mentioning: ["cannot write into", "Permission denied"])
    #expect(!result.standardError.contains("read "))
  }

  @Test func anOutputThatIsAnInputIsRefused() throws {
    let workspace = try Workspace()
    try Self.configureOutputs(
      workspace, "clobber", output: "directory: out-clobber, vocabularyCopy: good.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("clobber.yaml"), "--quiet"]),
      mentioning: [
        "\(workspace.path("good.jsonl")): refusing to write an output here: it is the training"
          + " file of task \"topic\""
      ])
    #expect(
      try String(contentsOfFile: workspace.path("good.jsonl"), encoding: .utf8)
        == Workspace.goodLines.joined(separator: "\n") + "\n")

    let model = try workspace.trainGoodModel()
    expectCleanFailure(
      try CommandRunner.run([
        "eval", "--model", model, "--task", "topic=\(workspace.path("good.jsonl"))",
        "--output", model,
      ]),
      mentioning: ["\(model): refusing to write an output here: it is the model (--model)"])
    #expect(
      try CommandRunner.run(["predict", "--model", model], input: Data("goal\n".utf8)).status == 0)
  }

  @Test func aFailedPipelineLeavesThePreviousOutputsAsTheyWere() throws {
    let workspace = try Workspace()
    try workspace.write(Workspace.goodLines.joined(separator: "\n") + "\n", "test.jsonl")
    try Self.configureOutputs(workspace, "run", output: "directory: out-run", test: "test.jsonl")
    let first = try CommandRunner.run(["pipeline", workspace.path("run.yaml"), "--quiet"])
    #expect(first.status == 0, "\(first.standardError)")
    let names = ["model.mtl", "vocabulary.tsv", "report.json", "report.md", "report.html"]
    let before = try names.map {
      try Data(contentsOf: workspace.url.appendingPathComponent("out-run/\($0)"))
    }

    try workspace.write(Workspace.goodLines[0] + "\n{\"text\": \"broken\n", "test.jsonl")
    let second = try CommandRunner.run([
      "pipeline", workspace.path("run.yaml"), "--quiet", "--set", "training.epochs=7",
    ])
    expectCleanFailure(second, mentioning: ["test.jsonl:2:17: unterminated string"])
    let after = try names.map {
      try Data(contentsOf: workspace.url.appendingPathComponent("out-run/\($0)"))
    }
    #expect(before == after)
    #expect(workspace.contents(of: "out-run")?.sorted() == names.sorted())
  }

  @Test func aSymlinkIsWrittenThroughAndAFIFOStaysAFIFO() throws {
    let workspace = try Workspace()
    try FileManager.default.createDirectory(
      atPath: workspace.path("out-good"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: workspace.path("elsewhere"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: workspace.path("out-good/model.mtl"), withDestinationPath: "../elsewhere/real.mtl")
    _ = try workspace.trainGoodModel()
    let link = try FileManager.default.destinationOfSymbolicLink(
      atPath: workspace.path("out-good/model.mtl"))
    #expect(link == "../elsewhere/real.mtl")
    #expect(FileManager.default.fileExists(atPath: workspace.path("elsewhere/real.mtl")))

    #expect(mkfifo(workspace.path("fifo"), 0o644) == 0)
    try Self.configureOutputs(
      workspace, "fifo", output: "directory: out-fifo, vocabularyCopy: fifo")
    let received = LockedData()
    let fifo = workspace.path("fifo")
    let reader = Thread {
      received.set(FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data())
    }
    reader.start()
    let result = try CommandRunner.run(["train", workspace.path("fifo.yaml"), "--quiet"])
    #expect(result.status == 0, "\(result.standardError)")
    while !received.isSet { usleep(1000) }
    #expect(String(decoding: received.value, as: UTF8.self).hasPrefix("# mtl-vocabulary 1\n"))
    var status = stat()
    #expect(lstat(workspace.path("fifo"), &status) == 0)
    #expect(status.st_mode & S_IFMT == S_IFIFO)
  }

  @Test func aStaleTemporaryFileOfAKilledRunIsRemoved() throws {
    let workspace = try Workspace()
    try FileManager.default.createDirectory(
      atPath: workspace.path("out-good"), withIntermediateDirectories: true)
    // A process id above the kernel's default maximum (4194304) cannot be alive.
    let stale = ".model.mtl.tmp-4194999-AbCdEf"
    try workspace.write("half a model", "out-good/\(stale)")
    _ = try workspace.trainGoodModel()
    #expect(workspace.contents(of: "out-good")?.contains(stale) == false)
  }
}
