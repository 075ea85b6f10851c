import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension ReliabilityCommandTests {
  // MARK: 15. Messages that say what happened

  @Test func aSymlinkLoopIsReportedAsALoop() throws {
    let workspace = try Workspace()
    try FileManager.default.createSymbolicLink(
      atPath: workspace.path("loop.jsonl"), withDestinationPath: "loop.jsonl")
    try workspace.configure("loop", train: "loop.jsonl")
    let result = try CommandRunner.run(["train", workspace.path("loop.yaml")])
    expectCleanFailure(
      result,
      mentioning: [
        "\"tasks[0].train\"", "too many levels of symbolic links (a link loop)",
        workspace.path("loop.jsonl"),
      ])
    #expect(!result.standardError.contains("not found"))
  }

  @Test func anUnreadableParentFolderIsNotFileNotFound() throws {
    // Root enters any folder, so the case cannot be produced as root.
    guard getuid() != 0 else { return }
    let workspace = try Workspace()
    try FileManager.default.createDirectory(
      atPath: workspace.path("closed"), withIntermediateDirectories: true)
    try workspace.write(Workspace.goodLines.joined(separator: "\n") + "\n", "closed/train.jsonl")
    chmod(workspace.path("closed"), 0o000)
    defer { chmod(workspace.path("closed"), 0o755) }
    try workspace.configure("closed", train: "closed/train.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("closed.yaml")]),
      mentioning: ["permission denied on a folder of the path"])
  }

  /// The good model with its bytes changed by `edit`.
  static func damagedModel(_ workspace: Workspace, _ name: String, _ edit: (inout [UInt8]) -> Void)
    throws -> String
  {
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try workspace.trainGoodModel())))
    edit(&bytes)
    try workspace.write(bytes, name)
    return workspace.path(name)
  }

  @Test func modelVersionZeroAndADamagedLengthSayWhatHappened() throws {
    let workspace = try Workspace()
    let zero = try Self.damagedModel(workspace, "zero.mtl") { bytes in
      for index in 4..<8 { bytes[index] = 0 }
    }
    let result = try CommandRunner.run(["predict", "--model", zero], input: Data("goal\n".utf8))
    expectCleanFailure(
      result, mentioning: ["zero.mtl: malformed model file: format version 0 does not exist"])
    #expect(!result.standardError.contains("newer"))

    // The manifest section's length is the UInt64 at byte 12; its top byte set.
    let length = try Self.damagedModel(workspace, "length.mtl") { bytes in bytes[19] = 0x7f }
    let damaged = try CommandRunner.run(
      ["predict", "--model", length], input: Data("goal\n".utf8))
    expectCleanFailure(
      damaged, mentioning: ["length.mtl: malformed model file: the section at byte 8 declares"])
    #expect(damaged.standardError.contains("the file is damaged"))
    #expect(!damaged.standardError.contains("copied completely"))
  }
}
