import Foundation
import Testing

/// The small messages of issue 16, item 9, from the real `mtl`.
struct SmallMessagesCommandTests {
  @Test func aMisspeltSubcommandGetsADidYouMean() throws {
    let result = try CommandRunner.run(["tokenise"])
    #expect(result.status == 64)
    #expect(
      result.standardError == "Error: unknown command \"tokenise\"; did you mean \"tokenize\"?\n")
  }

  @Test func aNegativeTopKReportsTheRangeAndTSVRejectsTopK() throws {
    let workspace = try ReliabilityCommandTests.Workspace()
    let model = try workspace.trainGoodModel()
    let negative = try CommandRunner.run(
      ["predict", "--model", model, "--top-k", "-1"], input: Data("goal\n".utf8))
    #expect(negative.status != 0)
    #expect(negative.standardError.contains("--top-k must be 0 or more, found -1"))
    let tsv = try CommandRunner.run(
      ["predict", "--model", model, "--format", "tsv", "--top-k", "2"], input: Data("goal\n".utf8))
    #expect(tsv.status != 0)
    #expect(tsv.standardError.contains("--top-k and --explain need --format jsonl"))
  }
}
