import Foundation
import Testing

extension ReliabilityCommandTests {
  // MARK: 10. TSV output

  @Test func aTabOrNewlineInALabelStaysInItsTSVCell() throws {
    let workspace = try Workspace()
    let lines = Workspace.goodLines.map {
      $0.replacingOccurrences(of: #""sports""#, with: #""sp\tor\\ts""#)
        .replacingOccurrences(of: #""politics""#, with: #""poli\ntics""#)
    }
    try workspace.write(lines.joined(separator: "\n") + "\n", "odd.jsonl")
    try workspace.configure("odd", train: "odd.jsonl")
    let trained = try CommandRunner.run(["train", workspace.path("odd.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    let result = try CommandRunner.run(
      ["predict", "--model", workspace.path("out-odd/model.mtl"), "--format", "tsv"],
      input: Data("the striker scored\nthe minister resigned\n".utf8))
    #expect(result.status == 0, "\(result.standardError)")
    let rows = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows.count == 4, "\(result.standardOutput)")  // header, two rows, final newline
    // A label, a probability and an (empty) reason: three cells, none split by the label.
    for row in rows.dropLast() {
      #expect(row.split(separator: "\t", omittingEmptySubsequences: false).count == 3, "\(row)")
    }
    #expect(rows[1].hasPrefix(#"sp\tor\\ts"#))
    #expect(rows[2].hasPrefix(#"poli\ntics"#))
  }
}
