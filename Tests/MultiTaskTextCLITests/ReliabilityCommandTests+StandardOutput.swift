import Foundation
import Testing

extension ReliabilityCommandTests {
  // MARK: 14. Standard output

  /// Runs `mtl` with standard output on `/dev/full`, where every write fails with ENOSPC.
  static func runWritingToFullDevice(_ arguments: [String]) throws -> CommandRunner.Result {
    let process = Process()
    process.executableURL = try CommandRunner.executable()
    process.arguments = arguments
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let error = Pipe()
    process.standardOutput = full
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandRunner.Result(
      status: process.terminationStatus, standardOutput: "",
      standardError: String(decoding: errorData, as: UTF8.self))
  }

  @Test(arguments: [["train"], ["pipeline"]])
  func aSummaryThatCannotBeWrittenIsAClearError(_ command: [String]) throws {
    let workspace = try Workspace()
    try workspace.configure(
      "full", train: "good.jsonl", task: ["test: good.jsonl"])
    let result = try Self.runWritingToFullDevice(
      command + [workspace.path("full.yaml"), "--quiet"])
    expectCleanFailure(
      result,
      mentioning: [
        "cannot write to standard output: No space left on device",
        "the files were written",
      ])
    #expect(FileManager.default.fileExists(atPath: workspace.path("out-full/model.mtl")))
  }

  @Test func aReportThatCannotBeWrittenToStandardOutputIsAClearError() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    let result = try Self.runWritingToFullDevice([
      "eval", "--model", model, "--task", "topic=" + workspace.path("good.jsonl"),
    ])
    expectCleanFailure(
      result, mentioning: ["cannot write to standard output: No space left on device"])
  }
}
