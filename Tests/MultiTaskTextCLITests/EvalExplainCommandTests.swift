import Foundation
import Testing

/// `mtl eval --format html --explain N` on the tiny corpus of ``TrainPredictCommandTests``.
struct EvalExplainCommandTests {
  @Test func theHTMLReportExplainsTheMostConfidentMistakesOfEachTask() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    _ = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    try workspace.write(
      [
        "{\"text\": \"the striker scored <i>twice</i>\", \"label\": \"politics\"}",
        "{\"text\": \"the minister resigned\", \"label\": \"sports\"}",
        "{\"text\": \"fans cheered the team\", \"label\": \"sports\"}",
      ], "wrong.jsonl")
    let path = workspace.path("explained.html")
    let result = try CommandRunner.run(
      [
        "eval", "--model", workspace.path("out/model.mtl"), "--task",
        "topic=\(workspace.path("wrong.jsonl"))", "--format", "html", "--explain", "1",
        "--output", path,
      ])
    #expect(result.status == 0, "\(result.standardError)")
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.contains("topic: the most confident mistake"))
    #expect(html.components(separatedBy: "<li class=\"mistake\">").count == 2)
    #expect(!html.contains("<i>"))

    let text = try CommandRunner.run(
      [
        "eval", "--model", workspace.path("out/model.mtl"), "--config",
        workspace.path("config.yaml"), "--explain", "2",
      ])
    #expect(text.status != 0)
    #expect(text.standardError.contains("--explain needs --format html"))
  }
}
