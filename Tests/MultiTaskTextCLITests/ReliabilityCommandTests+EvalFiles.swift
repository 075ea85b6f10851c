import Foundation
import Testing

extension ReliabilityCommandTests {
  // MARK: 19. mtl eval --task files with their own columns

  @Test func evalTaskFilesTakeTheirOwnColumnsFormatAndHeader() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    try workspace.write(
      "sentence,category\nthe striker scored twice,sports\nthe minister resigned,politics\n",
      "named.csv")
    let named = try CommandRunner.run([
      "eval", "--model", model, "--task", "topic=\(workspace.path("named.csv"))",
      "--text-column", "sentence", "--label-column", "category",
    ])
    #expect(named.status == 0, "\(named.standardError)")
    #expect(named.standardOutput.contains("2"))

    // No header, label first, and an extension that says nothing about the format.
    try workspace.write(
      "sports\tthe striker scored twice\npolitics\tthe minister resigned\n", "bare.data")
    let bare = try CommandRunner.run([
      "eval", "--model", model, "--task", "topic=\(workspace.path("bare.data"))",
      "--input-format", "tsv", "--no-header", "--text-column", "1", "--label-column", "0",
    ])
    #expect(bare.status == 0, "\(bare.standardError)")

    let unknown = try CommandRunner.run([
      "eval", "--model", model, "--task", "topic=\(workspace.path("bare.data"))",
    ])
    expectCleanFailure(unknown, mentioning: ["cannot tell the file's format", "--input-format"])

    let stray = try CommandRunner.run([
      "eval", "--model", model, "--no-header", "--config", "x.yaml",
    ])
    #expect(stray.status != 0)
    #expect(stray.standardError.contains("describe --task files"))
  }

  @Test func aConfigurationsColumnsAreNotAppliedToAnotherFile() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    try workspace.write("body,topic\nthe striker scored twice,sports\n", "mapped.csv")
    try workspace.configure(
      "mapped", train: "good.jsonl",
      task: ["test: {path: mapped.csv, textColumns: [body], labelColumn: topic}"])
    try workspace.write("text,label\nthe minister resigned,politics\n", "plain.csv")
    let result = try CommandRunner.run([
      "eval", "--model", model, "--config", workspace.path("mapped.yaml"),
      "--task", "topic=\(workspace.path("plain.csv"))",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardError.contains("no column named"))
  }
}
