import Foundation
import Testing

@testable import MultiTaskTextCLI

#if canImport(Glibc)
  import Glibc
#endif

/// Values that validation accepts, outputs that must be committed together, and inputs
/// whose size must not turn quadratic: each fed as a user would, to the real `mtl`.
struct HardeningCommandTests {
  typealias Workspace = ReliabilityCommandTests.Workspace

  @Test func hugeEpochCountsAreOutOfRangeNotATrap() throws {
    let workspace = try Workspace()
    for setting in ["training.epochs=1000000000000000000", "training.epochs=100001"] {
      let result = try CommandRunner.run(
        ["train", workspace.path("good.yaml"), "--quiet", "--set", setting])
      #expect(result.status == 1, "\(setting): \(result.standardError)")
      #expect(result.standardError.contains("between 1 and 100000"), "\(result.standardError)")
    }
    let model = try workspace.trainGoodModel()
    let retrain = try CommandRunner.run([
      "quantize", "--model", model, "--output", workspace.path("q.mtl"), "--retrain",
      "--train", workspace.path("good.jsonl"), "--epochs", "\(Int.max)",
    ])
    #expect(retrain.status != 0)
    #expect(retrain.status < 126, "no trap: \(retrain.status)")
    #expect(retrain.standardError.contains("--epochs must be between 1 and 100000"))
  }

  @Test func aVocabularyCopyThatCannotBeWrittenLeavesThePreviousModel() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    let before = try Data(contentsOf: URL(fileURLWithPath: model))
    let full = try CommandRunner.run([
      "train", workspace.path("good.yaml"), "--quiet", "--set", "training.seed=99",
      "--set", "output.vocabularyCopy=/dev/full",
    ])
    #expect(full.status == 1, "\(full.standardError)")
    #expect(full.standardError.contains("/dev/full"), "\(full.standardError)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == before)
    #expect(workspace.contents(of: "out-good")?.sorted() == ["model.mtl", "vocabulary.tsv"])

    #expect(mkfifo(workspace.path("unread"), 0o644) == 0)
    let started = Date()
    let fifo = try CommandRunner.run([
      "train", workspace.path("good.yaml"), "--quiet", "--set", "training.seed=99",
      "--set", "output.vocabularyCopy=\(workspace.path("unread"))",
    ])
    #expect(fifo.status == 1, "\(fifo.standardError)")
    #expect(fifo.standardError.contains("no process is reading"), "\(fifo.standardError)")
    #expect(Date().timeIntervalSince(started) < 60)
    #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == before)
  }

  @Test func anOutputFolderTakesOneRunAtATime() throws {
    let workspace = try Workspace()
    // This process holds the folder's lock, as a run still training would.
    try OutputLock.acquire(directory: workspace.path("out-good"))
    let second = try CommandRunner.run(["train", workspace.path("good.yaml"), "--quiet"])
    #expect(second.status == 1)
    #expect(
      second.standardError.contains("another mtl run is writing into this folder (process"),
      "\(second.standardError)")
    #expect(workspace.contents(of: "out-good") == nil)
  }

  @Test func aRecordWithTooManyLabelsStopsAsTheyArrive() throws {
    let workspace = try Workspace()
    let labels = (0..<150_000).map { "\"l\($0)\"" }.joined(separator: ",")
    try workspace.write(
      #"{"text": "many", "label": ["# + labels + "]}\n"
        + Workspace.goodLines.joined(separator: "\n")
        + "\n", "many.jsonl")
    try workspace.configure("many", train: "many.jsonl", task: ["type: multiLabel"])
    let started = Date()
    let result = try CommandRunner.run(["train", workspace.path("many.yaml"), "--quiet"])
    #expect(result.status == 1)
    #expect(
      result.standardError.contains("more than 100000 distinct labels"), "\(result.standardError)")
    #expect(Date().timeIntervalSince(started) < 60)
  }

  @Test func blankLabelsAreUnlabelledNotClasses() throws {
    let workspace = try Workspace()
    let lines =
      Workspace.goodLines + [
        #"{"text": "an empty label", "label": ""}"#, #"{"text": "a blank label", "label": "  "}"#,
      ]
    try workspace.write(lines.joined(separator: "\n") + "\n", "blank.jsonl")
    try workspace.configure("blank", train: "blank.jsonl")
    let result = try CommandRunner.run(["train", workspace.path("blank.yaml"), "--quiet"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("2 of 8 records"), "\(result.standardError)")
    let answer = try CommandRunner.run(
      ["predict", "--model", workspace.path("out-blank/model.mtl"), "--top-k", "5"],
      input: Data("the striker\n".utf8))
    let labels = try #require(
      try JSONSerialization.jsonObject(with: Data(answer.standardOutput.utf8)) as? [String: Any])
    let top = try #require((labels["topic"] as? [String: Any])?["top"] as? [[String: Any]])
    #expect(Set(top.compactMap { $0["label"] as? String }) == ["sports", "politics"])
  }

  @Test func pretrainedVectorsMaySeparateFieldsWithTabs() throws {
    let workspace = try Workspace()
    try workspace.write(
      "2 8\nstriker\t" + Array(repeating: "0.1", count: 8).joined(separator: "\t")
        + "\nbudget " + Array(repeating: "-0.1", count: 8).joined(separator: " ") + "\n", "tabs.vec"
    )
    let result = try CommandRunner.run([
      "train", workspace.path("good.yaml"), "--quiet", "--set",
      "model.pretrainedVectors=\(workspace.path("tabs.vec"))",
    ])
    #expect(result.status == 0, "\(result.standardError)")
  }
}
