import Foundation
import Testing

extension ReliabilityCommandTests {
  // MARK: 12. Silent zeros

  @Test func aTestOrDevFileWithNoLabelledExampleIsAnError() throws {
    let workspace = try Workspace()
    try workspace.write(Workspace.goodLines.joined(separator: "\n") + "\n", "test.jsonl")
    try workspace.configure(
      "wrongformat", train: "good.jsonl", task: ["test: {path: test.jsonl, format: fasttext}"])
    let result = try CommandRunner.run(["pipeline", workspace.path("wrongformat.yaml"), "--quiet"])
    expectCleanFailure(
      result,
      mentioning: [
        "\(workspace.path("test.jsonl")): the test file of task \"topic\" has 6 record(s) but"
          + " none labelled for the task; expected lines like \"__label__<label> text\""
          + " (format: fasttext); the file name suggests format jsonl"
      ])
    #expect(workspace.contents(of: "out-wrongformat") == nil)

    try workspace.write("", "empty.jsonl")
    try workspace.configure("emptydev", train: "good.jsonl", task: ["dev: empty.jsonl"])
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("emptydev.yaml"), "--quiet"]),
      mentioning: [
        "\(workspace.path("empty.jsonl")): the dev file of task \"topic\" has no records;"
          + " expected JSON lines with a \"label\" or \"labels\" field (format: jsonl)"
      ])

    let model = try workspace.trainGoodModel()
    expectCleanFailure(
      try CommandRunner.run([
        "eval", "--model", model, "--task", "topic=\(workspace.path("empty.jsonl"))",
      ]),
      mentioning: ["empty.jsonl: the test file of task \"topic\" has no records"])
  }

  @Test func anEmptyVocabularyIsAnErrorThatSaysWhy() throws {
    let workspace = try Workspace()
    let high = try CommandRunner.run([
      "train", workspace.path("good.yaml"), "--quiet", "--set", "features.minCount=100",
    ])
    expectCleanFailure(
      high,
      mentioning: [
        "the vocabulary is empty: no word occurs at least 100 times (features.minCount), the"
          + " most frequent occurs 9 time(s); lower features.minCount"
      ])
    #expect(workspace.contents(of: "out-good") == nil)

    try workspace.write(
      [#"{"text": "", "label": "a"}"#, #"{"text": "  ", "label": "b"}"#].joined(separator: "\n")
        + "\n", "blank.jsonl")
    try workspace.configure("blank", train: "blank.jsonl")
    expectCleanFailure(
      try CommandRunner.run(["train", workspace.path("blank.yaml"), "--quiet"]),
      mentioning: ["the vocabulary is empty: every training text is empty (no words)"])
  }
}
