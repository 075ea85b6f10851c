import Foundation
import Testing

/// `mtl predict --threads`: the same bytes as one thread, in input order, for every output
/// format and input format.
struct PredictThreadsCommandTests {
  /// Predicts `arguments` plus the input on 1, 2 and 3 threads and checks the outputs match.
  static func expectSameOutput(
    _ arguments: [String], lines expected: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let one = try CommandRunner.run(["predict", "--threads", "1"] + arguments)
    #expect(one.status == 0, "\(one.standardError)", sourceLocation: sourceLocation)
    #expect(
      one.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).count
        == expected + 1, sourceLocation: sourceLocation)
    for threads in ["2", "3"] {
      let many = try CommandRunner.run(["predict", "--threads", threads] + arguments)
      #expect(many.status == 0, "\(many.standardError)", sourceLocation: sourceLocation)
      #expect(
        many.standardOutput == one.standardOutput, "\(threads) threads",
        sourceLocation: sourceLocation)
    }
  }

  @Test func twoThreadsWriteTheSameBytesAsOne() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    let trained = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    let model = workspace.path("out/model.mtl")
    // Enough lines for several chunks per thread, with empty lines and unknown words.
    let texts = [
      "The striker scored twice", "WIN a FREE prize now", "", "zzqx unknownword",
      "the minister resigned", "call now to claim your reward, the goalkeeper saved it",
    ]
    let lines = (0..<3_000).map { "\(texts[$0 % texts.count]) \($0 % 7 == 0 ? "goal" : "")" }
    let plain = workspace.path("many.txt")
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: plain, atomically: true, encoding: .utf8)
    try Self.expectSameOutput(["--model", model, plain], lines: 3_000)
    try Self.expectSameOutput(["--model", model, "--format", "tsv", plain], lines: 3_001)
    try Self.expectSameOutput(
      ["--model", model, "--top-k", "2", "--explain", "2", plain], lines: 3_000)
    let records = workspace.path("many.jsonl")
    let jsonl = lines.enumerated().map { #"{"id": "r\#($0.offset)", "text": "\#($0.element)"}"# }
    try (jsonl.joined(separator: "\n") + "\n").write(
      toFile: records, atomically: true, encoding: .utf8)
    try Self.expectSameOutput(["--model", model, "--id-field", "id", records], lines: 3_000)
  }

  @Test func theFirstRejectedLineInInputOrderIsNamedAtAnyThreadCount() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    try workspace.write(
      [
        "tasks:", "  - name: topic", "    train: topic.jsonl", "model: {dimension: 8}",
        "features: {buckets: 2000}", "text: {normalizer: {invalidUTF8: reject}}",
        "training: {epochs: 5}", "output: {directory: strict}",
      ], "strict.yaml")
    let trained = try CommandRunner.run(["train", workspace.path("strict.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    // Lines 1500 and 2900 are invalid UTF-8; with two threads the second may be met first.
    var bytes: [UInt8] = []
    for line in 1...3_000 {
      bytes += Array("the striker scored".utf8)
      if line == 1_500 || line == 2_900 { bytes += [0xFF, 0xFE] }
      bytes.append(UInt8(ascii: "\n"))
    }
    let path = workspace.path("bad.txt")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    for threads in ["1", "2"] {
      let result = try CommandRunner.run(
        ["predict", "--threads", threads, "--model", workspace.path("strict/model.mtl"), path])
      #expect(result.status != 0)
      #expect(result.standardError.contains("\(path):1500: "), "\(result.standardError)")
    }
  }

  @Test func threadsBelowOneAreRejected() throws {
    for value in ["0", "-2"] {
      let result = try CommandRunner.run(
        ["predict", "--threads=\(value)", "--model", "model.mtl"], input: Data("goal\n".utf8))
      #expect(result.status != 0)
      #expect(
        result.standardError.contains("--threads must be 1 or more, found \(value)"),
        "\(result.standardError)")
    }
  }
}
