import Foundation
import Testing

/// `mtl predict` over several batches (4,096 documents each), which threads predict while
/// the next batch is read: the output is the same bytes at any thread count, and a failure
/// stops it where one thread would.
struct PredictPipelineCommandTests {
  /// A workspace with a trained model, and its path.
  static func trained() throws -> (TrainPredictCommandTests.Workspace, String) {
    let workspace = try TrainPredictCommandTests.Workspace()
    let trained = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    return (workspace, workspace.path("out/model.mtl"))
  }

  static let texts = [
    "The striker scored twice", "WIN a FREE prize now", "", "zzqx unknownword",
    "the minister resigned", "call now to claim your reward, the goalkeeper saved it",
  ]

  @Test func threeBatchesGiveTheSameBytesAtAnyThreadCount() throws {
    let (workspace, model) = try Self.trained()
    let lines = (0..<10_000).map { "\(Self.texts[$0 % Self.texts.count]) \($0 % 11)" }
    let path = workspace.path("many.txt")
    try workspace.write(lines, "many.txt")
    for format in ["jsonl", "tsv"] {
      let one = try CommandRunner.run(
        ["predict", "--threads", "1", "--format", format, "--model", model, path])
      #expect(one.status == 0, "\(one.standardError)")
      let header = format == "tsv" ? 1 : 0
      #expect(one.standardOutput.split(separator: "\n").count == 10_000 + header)
      for threads in ["2", "4"] {
        let many = try CommandRunner.run(
          ["predict", "--threads", threads, "--format", format, "--model", model, path])
        #expect(many.status == 0, "\(many.standardError)")
        #expect(many.standardOutput == one.standardOutput, "\(format), \(threads) threads")
      }
    }
  }

  @Test func aMalformedRecordComesAfterTheAnswersOfTheBatchesBeforeIt() throws {
    let (workspace, model) = try Self.trained()
    // Record 9,000 is in the third batch: the first two (8,192 answers) are written, then
    // the error, whether or not the second batch was still being predicted when it was read.
    var records = (0..<10_000).map {
      #"{"text": "\#(Self.texts[$0 % Self.texts.count])"}"#
    }
    records[8_999] = #"{"text": "unterminated"#
    let path = workspace.path("records.jsonl")
    try workspace.write(records, "records.jsonl")
    for threads in ["1", "2"] {
      let result = try CommandRunner.run(["predict", "--threads", threads, "--model", model, path])
      #expect(result.status != 0)
      #expect(result.standardError.contains("\(path):9000"), "\(result.standardError)")
      #expect(result.standardOutput.split(separator: "\n").count == 8_192, "\(threads) threads")
    }
  }
}
