import Foundation
import Testing

/// `mtl eval` on a task with thousands of labels: the report's size and the command's memory
/// grow with the labels and documents, not with their square.
struct ManyLabelsEvalCommandTests {
  static let labels = 2_000

  @Test func aTwoThousandLabelReportIsLinearAndFolded() throws {
    let workspace = try TrainPredictCommandTests.Workspace()
    let documents = (0..<Self.labels).map { label in
      "{\"text\": \"word\(label) other\(label % 7)\", \"label\": \"label-\(label)\"}"
    }
    try workspace.write(documents, "train.jsonl")
    try workspace.write(
      [
        "tasks:", "  - name: tag", "    train: train.jsonl", "model: {dimension: 4}",
        "features: {buckets: 1000, minn: 0, maxn: 0, wordNgrams: 1}", "training: {epochs: 1}",
        "output: {directory: out}",
      ], "many.yaml")
    let trained = try CommandRunner.run(["train", workspace.path("many.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    let model = workspace.path("out/model.mtl")
    let task = "tag=\(workspace.path("train.jsonl"))"
    // 1 GiB of address space; the dense matrix of schema version 1 alone took 32 MB here,
    // and its pretty-printed JSON about 60 MB.
    let json = try CommandRunner.run(
      [
        "eval", "--model", model, "--task", task, "--format", "json", "--output",
        workspace.path("report.json"),
      ],
      memoryLimitKiB: 1 << 20)
    #expect(json.status == 0, "\(json.standardError)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: workspace.path("report.json")))
    #expect(bytes.count < 300 * Self.labels + 60 * Self.labels, "\(bytes.count) bytes")
    let object = try #require(JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    let stored = try #require(
      ((object["tasks"] as? [String: [String: Any]])?["tag"])?["confusionMatrix"]
        as? [String: Any])
    #expect(stored["counts"] == nil)
    let cells = try #require(stored["cells"] as? [String: [Int]])
    #expect(cells["count"]?.reduce(0, +) == Self.labels)
    #expect((stored["labels"] as? [String])?.count == Self.labels)

    let text = try CommandRunner.run(
      ["eval", "--model", model, "--task", task], memoryLimitKiB: 1 << 20)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("… 1,970 more labels"))
    #expect(text.standardOutput.utf8.count < 20_000)
  }
}
