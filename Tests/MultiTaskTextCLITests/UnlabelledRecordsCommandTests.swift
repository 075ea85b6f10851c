import Foundation
import Testing

/// Training files whose records lack labels, or that are in another format than assumed:
/// every such case is counted and said, never trained on in silence.
struct UnlabelledRecordsCommandTests {
  typealias Workspace = ReliabilityCommandTests.Workspace

  /// `count` records, every other one with `lable` instead of `label`.
  static func misspelt(_ count: Int) -> String {
    let texts = Workspace.goodLines
    return (0..<count).map { index in
      let line = texts[index % texts.count]
      return index % 2 == 1 ? line.replacingOccurrences(of: "\"label\"", with: "\"lable\"") : line
    }.joined(separator: "\n") + "\n"
  }

  @Test func aMisspeltLabelKeyOnHalfTheRecordsIsCountedAndNamed() throws {
    let workspace = try Workspace()
    try workspace.write(Self.misspelt(400), "half.jsonl")
    try workspace.configure("half", train: "half.jsonl")
    let result = try CommandRunner.run(["train", workspace.path("half.yaml"), "--quiet"])
    // Exactly half unlabelled: trained, with the count and the near miss said.
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "200 of 400 records in \(workspace.path("half.jsonl")) have no \"label\" (or \"labels\")"
          + " for task \"topic\""), "\(result.standardError)")
    #expect(
      result.standardError.contains("have a field \"lable\" instead"), "\(result.standardError)")
  }

  @Test func aMostlyUnlabelledSingleTaskFileIsAnErrorUnlessAllowed() throws {
    let workspace = try Workspace()
    var lines = Self.misspelt(400).split(separator: "\n").map(String.init)
    lines = lines.enumerated().map { index, line in
      index % 4 == 2 ? line.replacingOccurrences(of: "\"label\"", with: "\"lable\"") : line
    }
    try workspace.write(lines.joined(separator: "\n") + "\n", "most.jsonl")
    try workspace.configure("most", train: "most.jsonl")
    let result = try CommandRunner.run(["train", workspace.path("most.yaml"), "--quiet"])
    #expect(result.status != 0)
    #expect(
      result.standardError.contains("300 of 400 records have no label for task \"topic\""),
      "\(result.standardError)")
    #expect(result.standardError.contains("did you mean \"label\""), "\(result.standardError)")
    #expect(workspace.contents(of: "out-most") == nil, "nothing written")
    try workspace.configure("allowed", train: "most.jsonl", task: ["allowUnlabelled: true"])
    let allowed = try CommandRunner.run(["train", workspace.path("allowed.yaml"), "--quiet"])
    #expect(allowed.status == 0, "\(allowed.standardError)")
    #expect(allowed.standardError.contains("300 of 400 records"))
  }

  @Test func aTextFileWithoutLabelPrefixesSaysTheFormatWasAssumed() throws {
    let workspace = try Workspace()
    try workspace.write("the striker scored\nthe minister resigned\n", "plain.txt")
    try workspace.configure("plain", train: "plain.txt")
    let result = try CommandRunner.run(["train", workspace.path("plain.yaml"), "--quiet"])
    #expect(result.status != 0)
    #expect(
      result.standardError.contains("format fasttext was assumed from the file's extension"),
      "\(result.standardError)")
  }

  @Test func aJSONArrayFileIsNamedAsSuch() throws {
    let workspace = try Workspace()
    try workspace.write(
      "[\n" + Workspace.goodLines.joined(separator: ",\n") + "\n]\n", "array.jsonl")
    try workspace.configure("array", train: "array.jsonl")
    let result = try CommandRunner.run([
      "train", workspace.path("array.yaml"), "--quiet", "--set", "training.skipInvalid=true",
    ])
    #expect(result.status != 0)
    #expect(
      result.standardError.contains(
        "array.jsonl:1: JSON Lines expected (one JSON object per line), found a JSON array"),
      "\(result.standardError)")
  }

  @Test func aModelFileGivenAsConfigurationIsNamedAsSuch() throws {
    let workspace = try Workspace()
    let model = try workspace.trainGoodModel()
    let result = try CommandRunner.run(["train", model])
    #expect(result.status != 0)
    #expect(
      result.standardError.contains("this is a model file (.mtl), not a configuration"),
      "\(result.standardError)")
  }

  @Test func aTaskNameThatLabelsNothingListsTheTasksTheRecordsLabel() throws {
    let workspace = try Workspace()
    let records = [
      #"{"text": "the striker scored", "labels": {"sport": "yes", "mood": "happy"}}"#,
      #"{"text": "the minister resigned", "labels": {"sport": "no", "mood": "sad"}}"#,
    ]
    try workspace.write(records.joined(separator: "\n") + "\n", "multi.jsonl")
    try workspace.configure("multi", train: "multi.jsonl")
    let result = try CommandRunner.run(["train", workspace.path("multi.yaml"), "--quiet"])
    #expect(result.status != 0)
    #expect(
      result.standardError.contains("the records label task(s) \"mood\", \"sport\""),
      "\(result.standardError)")
  }
}
