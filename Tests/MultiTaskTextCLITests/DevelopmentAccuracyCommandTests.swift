import Foundation
import Testing

/// Through the CLI: with `dev` and `test` naming the same file, fixed epochs and no keep-best,
/// the last epoch's dev accuracy in `report.json` equals the task's test accuracy exactly.
struct DevelopmentAccuracyCommandTests {
  @Test func lastDevAccuracyEqualsTestAccuracyInTheReport() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    try workspace.write(
      [
        "{\"text\": \"the striker scored in the final\", \"label\": \"sports\"}",
        "{\"text\": \"the senate passed the trade law\", \"label\": \"politics\"}",
        "{\"text\": \"zyxwv qwerty plugh\", \"label\": \"sports\"}",
        "{\"text\": \"!!!\", \"label\": \"politics\"}",
        "{\"text\": \"the minister praised the team\", \"label\": \"sports\"}",
      ], "held-out.jsonl")
    let result = try CommandRunner.run([
      "pipeline", workspace.path("config.yaml"), "--quiet",
      "--set", "tasks.topic.dev=held-out.jsonl", "--set", "tasks.topic.test=held-out.jsonl",
      "--set", "training.epochs=3", "--set", "training.keepBestEpoch=false",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let data = try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/report.json")))
    let report = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let epochs = (report?["history"] as? [String: Any])?["epochs"] as? [[String: Any]]
    let dev = (epochs?.last?["devAccuracy"] as? [String: Double])?["topic"]
    let test = (report?["tasks"] as? [String: [String: Any]])?["topic"]?["accuracy"] as? Double
    #expect(epochs?.count == 3)
    #expect(dev != nil)
    #expect(dev == test)
  }
}
