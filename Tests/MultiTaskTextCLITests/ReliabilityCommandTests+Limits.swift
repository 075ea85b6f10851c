import Foundation
import Testing

extension ReliabilityCommandTests {
  // MARK: 17. Bounded resources

  /// 1 GiB of address space: ample for these commands, far below what an unbounded read or
  /// an expanded alias tree would take.
  static let memoryLimitKiB = 1 << 20

  /// A "billion laughs" document: 342 bytes whose aliases expand into 9^9 strings.
  static let billionLaughs =
    ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    + zip("bcdefghi", "abcdefgh").map { name, previous in
      "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",")
        + "]"
    }

  @Test func aBillionLaughsConfigurationFailsFastWithSmallMemory() throws {
    let workspace = try Workspace()
    try workspace.write(Self.billionLaughs.joined(separator: "\n") + "\n", "lol.yaml")
    let started = Date()
    let result = try CommandRunner.run(
      ["train", workspace.path("lol.yaml")], memoryLimitKiB: Self.memoryLimitKiB)
    expectCleanFailure(result, mentioning: ["lol.yaml", "YAML aliases are not supported", "*a"])
    #expect(Date().timeIntervalSince(started) < 10)
  }

  @Test func devZeroAsAConfigurationIsRefusedAfterOneMebibyte() throws {
    expectCleanFailure(
      try CommandRunner.run(["train", "/dev/zero"], memoryLimitKiB: Self.memoryLimitKiB),
      mentioning: ["/dev/zero: cannot read the configuration file: it is larger than 1 MiB"])
  }

  @Test func devZeroAsAModelIsNotAModel() throws {
    expectCleanFailure(
      try CommandRunner.run(
        ["predict", "--model", "/dev/zero"], input: Data("goal\n".utf8),
        memoryLimitKiB: Self.memoryLimitKiB),
      mentioning: ["/dev/zero: not an mtl model file"])
  }

  @Test func devZeroAndAStreamWithoutNewlinesStopAtTheLineLimit() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    expectCleanFailure(
      try CommandRunner.run(
        ["predict", "--model", model, "/dev/zero"], memoryLimitKiB: Self.memoryLimitKiB),
      mentioning: ["/dev/zero: line 1 is longer than 32 MiB, the longest line mtl reads"])
    // 40 MiB of text without a line break (a file: the command stops reading early, and a
    // pipe would then raise SIGPIPE in the writer).
    try workspace.write([UInt8](repeating: UInt8(ascii: "a"), count: 40 << 20), "long.txt")
    expectCleanFailure(
      try CommandRunner.run(
        ["predict", "--model", model, workspace.path("long.txt")],
        memoryLimitKiB: Self.memoryLimitKiB),
      mentioning: ["long.txt: line 1 is longer than 32 MiB", "no line break found"])
  }

  @Test func aTaskWithTooManyLabelsIsRefusedWhileReading() throws {
    let workspace = try Workspace()
    let lines = (0...100_000).map { #"{"text": "word\#($0)", "label": "l\#($0)"}"# }
    try workspace.write(lines.joined(separator: "\n") + "\n", "many.jsonl")
    try workspace.configure("many", train: "many.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("many.yaml"), "--quiet"]),
      mentioning: [
        "many.jsonl:100001: task \"topic\" has more than 100000 distinct labels",
        "is the label column right?",
      ])
  }

}
