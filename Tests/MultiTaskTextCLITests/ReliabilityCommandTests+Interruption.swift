import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension ReliabilityCommandTests {
  // MARK: 9. Interruption

  /// Writes a synthetic corpus big enough to train for many seconds in a debug build.
  static func writeLongCorpus(in workspace: Workspace) throws {
    var state: UInt64 = 42
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    var text = ""
    text.reserveCapacity(30_000 * 120)
    for _ in 0..<30_000 {
      let words = (0..<20).map { _ in "w\(next() % 3_000)" }.joined(separator: " ")
      text += "{\"text\": \"\(words)\", \"label\": \"l\(next() % 3)\"}\n"
    }
    try workspace.write(text, "long.jsonl")
    try workspace.write(
      [
        "tasks: [{name: topic, train: long.jsonl}]", "model: {dimension: 32}",
        "features: {buckets: 20000}", "training: {epochs: 200}", "output: {directory: out-good}",
      ].joined(separator: "\n"), "long.yaml")
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSignalStopsTrainingPromptlyAndKeepsThePreviousModel(_ signal: Int32) throws {
    let workspace = try Workspace()
    let previous = try Data(contentsOf: URL(fileURLWithPath: workspace.trainGoodModel()))
    try Self.writeLongCorpus(in: workspace)

    let running = try RunningCommand(["train", workspace.path("long.yaml")])
    #expect(running.waitForStandardError(containing: "% epoch 1/200", timeout: 120))
    running.send(signal)
    let seconds = try #require(running.waitForExit(timeout: 10), "\(running.standardError)")
    #expect(seconds < 2, "took \(seconds) s")
    #expect(running.process.terminationReason == .exit)
    #expect(running.process.terminationStatus == 130)
    let model = workspace.path("out-good/model.mtl")
    #expect(
      running.standardError.contains(
        "Error: interrupted: training stopped after 0 complete epoch(s); no model was written"
          + " (\(model) is unchanged)"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == previous)
    let leftovers = (workspace.contents(of: "out-good") ?? []).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty, "\(leftovers)")
    let predicted = try CommandRunner.run(
      ["predict", "--model", model], input: Data("striker\n".utf8))
    #expect(predicted.status == 0)
  }

  @Test func aSignalWhileReadingCorporaExitsAtOnce() throws {
    let workspace = try Workspace()
    try Self.writeLongCorpus(in: workspace)
    let running = try RunningCommand(["train", workspace.path("long.yaml")])
    usleep(500_000)
    running.send(SIGINT)
    let seconds = try #require(running.waitForExit(timeout: 10), "\(running.standardError)")
    #expect(seconds < 2, "took \(seconds) s")
    #expect(running.process.terminationStatus == 130)
    #expect(running.standardError.contains("Error: interrupted"))
    #expect(!FileManager.default.fileExists(atPath: workspace.path("out-good/model.mtl")))
  }

  /// Writes a small training file and a test file large enough that evaluating it takes
  /// seconds in a debug build, with `eval.yaml` training on the one and testing on the other.
  static func writeLargeTestFile(in workspace: Workspace) throws {
    var state: UInt64 = 7
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    func lines(_ count: Int) -> String {
      var text = ""
      text.reserveCapacity(count * 130)
      for _ in 0..<count {
        let words = (0..<20).map { _ in "w\(next() % 3_000)" }.joined(separator: " ")
        text += "{\"text\": \"\(words)\", \"label\": \"l\(next() % 3)\"}\n"
      }
      return text
    }
    try workspace.write(lines(50), "small.jsonl")
    try workspace.write(lines(60_000), "large-test.jsonl")
    try workspace.write(
      [
        "tasks: [{name: topic, train: small.jsonl, test: large-test.jsonl}]",
        "model: {dimension: 8}", "features: {buckets: 2000}", "training: {epochs: 5}",
        "output: {directory: out-eval}",
      ].joined(separator: "\n"), "eval.yaml")
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSignalDuringEvaluationExitsAtOnceAndWritesNothing(_ signal: Int32) throws {
    let workspace = try Workspace()
    try Self.writeLargeTestFile(in: workspace)
    let running = try RunningCommand(["pipeline", workspace.path("eval.yaml")])
    #expect(running.waitForStandardError(containing: "epoch 5 done", timeout: 60))
    usleep(300_000)
    try #require(running.process.isRunning, "evaluation ended before the signal")
    running.send(signal)
    let seconds = try #require(running.waitForExit(timeout: 10), "\(running.standardError)")
    #expect(seconds < 1.5, "took \(seconds) s")
    #expect(running.process.terminationReason == .exit)
    #expect(running.process.terminationStatus == 130)
    #expect(
      running.standardError.contains(
        "Error: interrupted while evaluating; no model was written"),
      "\(running.standardError)")
    #expect(workspace.contents(of: "out-eval") == nil, "\(workspace.contents(of: "out-eval")!)")
  }

  @Test func aSignalDuringEvalOfALargeTestFileLeavesNoReport() throws {
    let workspace = try Workspace()
    try Self.writeLargeTestFile(in: workspace)
    let model = try workspace.trainGoodModel()
    let report = workspace.path("out-good/report.json")
    let running = try RunningCommand([
      "eval", "--model", model, "--task", "topic=" + workspace.path("large-test.jsonl"),
      "--format", "json", "--output", report,
    ])
    usleep(1_000_000)
    try #require(running.process.isRunning, "evaluation ended before the signal")
    running.send(SIGINT)
    let seconds = try #require(running.waitForExit(timeout: 10), "\(running.standardError)")
    #expect(seconds < 1.5, "took \(seconds) s")
    #expect(running.process.terminationStatus == 130)
    #expect(
      running.standardError.contains("Error: interrupted while evaluating; nothing was written"),
      "\(running.standardError)")
    let names = workspace.contents(of: "out-good") ?? []
    #expect(!names.contains { $0.contains("report") }, "\(names)")
  }
}
