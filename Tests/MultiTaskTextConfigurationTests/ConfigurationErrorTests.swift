import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText
@testable import MultiTaskTextConfiguration

@Suite struct ConfigurationErrorTests {
  /// A YAML document with one valid task followed by `rest`.
  static func yaml(_ rest: String) -> String {
    "tasks: [{name: topic, train: train.jsonl}]\n" + rest
  }

  /// A JSON document with one valid task and the given extra top-level members.
  static func json(_ rest: String) -> String {
    #"{"tasks": [{"name": "topic", "train": "train.jsonl"}]"# + (rest.isEmpty ? "" : ", ")
      + rest + "}"
  }

  static let cases: [(name: String, text: String, expected: String)] = [
    (
      "runs.yaml", yaml("training: {learningrate: 0.1}"),
      #"runs.yaml: unknown key "training.learningrate"; did you mean "learningRate"?"#
    ),
    (
      "runs.yaml", yaml("training: {epoch: 3}"),
      #"runs.yaml: unknown key "training.epoch"; did you mean "epochs"?"#
    ),
    (
      "runs.yaml", yaml("model: {size: 3}"),
      #"runs.yaml: unknown key "model.size"; valid keys are "dimension", "privateBuckets", "#
        + #""linear", "pretrainedVectors""#
    ),
    (
      "runs.yaml", yaml("modle: {dimension: 3}"),
      #"runs.yaml: unknown key "modle"; did you mean "model"?"#
    ),
    (
      "config.json", json(#""model": {"dimension": "fifty"}"#),
      #"config.json: "model.dimension" must be an integer, found "fifty""#
    ),
    (
      "config.json", json(#""model": {"dimension": 0}"#),
      #"config.json: "model.dimension" must be at least 1, found 0"#
    ),
    (
      "config.json", json(#""model": {"dimension": 5000}"#),
      #"config.json: "model.dimension" must be at most 4096, found 5000"#
    ),
    (
      "config.json", json(#""training": {"learningRate": -0.1}"#),
      #"config.json: "training.learningRate" must be a finite number greater than 0, found -0.1"#
    ),
    (
      "config.json", json(#""training": {"threads": 0}"#),
      #"config.json: "training.threads" must be between 1 and 256, found 0"#
    ),
    (
      "config.json", json(#""features": {"minn": 5, "maxn": 3}"#),
      #"config.json: "features.minn" (5) must not exceed "features.maxn" (3)"#
    ),
    (
      "config.json", json(#""features": {"buckets": 0}"#),
      #"config.json: "features.buckets" must be between 1 and 134217728, found 0"#
    ),
    (
      "config.json", json(#""features": {"buckets": -5}"#),
      #"config.json: "features.buckets" must be between 1 and 134217728, found -5"#
    ),
    (
      "config.json", json(#""features": {"minn": 0, "maxn": 3}"#),
      #"config.json: "features.minn" must be at least 1 when maxn > 0, found 0"#
    ),
    (
      "config.json", json(#""features": {"maxVocabularySize": 0}"#),
      #"config.json: "features.maxVocabularySize" must be at least 1, found 0"#
    ),
    (
      "config.json", #"{"tasks": [{"name": "topic"}]}"#,
      #"config.json: "tasks[0].train" is required"#
    ),
    (
      "config.json", #"{"tasks": [{"train": "a.txt"}]}"#,
      #"config.json: "tasks[0].name" is required"#
    ),
    ("config.json", #"{"tasks": []}"#, #"config.json: "tasks" must list at least one task"#),
    ("config.json", #"{"model": {}}"#, #"config.json: "tasks" is required"#),
    (
      "config.json", #"{"tasks": {"name": "topic"}}"#,
      #"config.json: "tasks" must be a list of tasks, found a mapping"#
    ),
    (
      "config.json",
      #"{"tasks": [{"name": "topic", "train": "a.txt"}, {"name": "topic", "train": "b.txt"}]}"#,
      #"config.json: "tasks[1].name": duplicate task name "topic""#
    ),
    (
      "config.json", #"{"tasks": [{"name": "my topic", "train": "a.txt"}]}"#,
      #"config.json: "tasks[0].name" must contain only letters, digits, "_" and "-","#
        + #" found "my topic""#
    ),
    (
      "config.json", #"{"tasks": [{"name": "topic", "train": "a.txt", "weight": 0}]}"#,
      #"config.json: "tasks[0].weight" must be a finite number greater than 0, found 0"#
    ),
    (
      "config.json", #"{"tasks": [{"name": "topic", "train": 5}]}"#,
      #"config.json: "tasks[0].train" must be a path or a mapping with "path", found 5"#
    ),
    (
      "config.json", #"{"tasks": [{"name": "topic", "train": {"format": "csv"}}]}"#,
      #"config.json: "tasks[0].train.path" is required"#
    ),
    (
      "runs.yaml", "tasks: [{name: t, train: a.txt, dev: {path: b.csv, formt: csv}}]",
      #"runs.yaml: unknown key "tasks[0].dev.formt"; did you mean "format"?"#
    ),
    (
      "runs.yaml", "tasks: [{name: t, train: a.txt, hasHeader: 'yes'}]",
      #"runs.yaml: "tasks[0].hasHeader" must be true or false, found "yes""#
    ),
    (
      "runs.yaml", "tasks: [{name: t, train: a.txt, encoding: ebcdic}]",
      #"runs.yaml: "tasks[0].encoding" must be one of "utf-8", "windows-1252", "latin1","#
        + #" found "ebcdic""#
    ),
    (
      "runs.yaml", "tasks: [{name: t, train: a.txt, textField: ''}]",
      #"runs.yaml: "tasks[0].train": field names must not be empty"#
    ),
    (
      "runs.yaml", "tasks: [{name: t, train: /data/a.dat}]",
      #"runs.yaml: "tasks[0].train": cannot tell the format of /data/a.dat from its extension;"#
        + #" set "format" to one of "jsonl", "csv", "tsv", "fasttext""#
    ),
    (
      "runs.yaml", yaml("training: {sampling: random}"),
      #"runs.yaml: "training.sampling" must be one of "proportional", "temperature", "uniform","#
        + #" "annealed","#
        + #" found "random""#
    ),
    (
      "runs.yaml", yaml("training: {sampling: uniform, temperature: 2}"),
      #"runs.yaml: "training.temperature" applies only when "training.sampling" is "temperature""#
    ),
    (
      "runs.yaml", yaml("training: {sampling: temperature, temperature: 0}"),
      #"runs.yaml: "training.temperature" must be a finite number greater than 0, found 0"#
    ),
    (
      "runs.yaml", yaml("text: {tokenizer: {urls: drop}}"),
      #"runs.yaml: "text.tokenizer.urls" must be one of "split", "keep", "placeholder","#
        + #" found "drop""#
    ),
    (
      "runs.yaml", "- a\n- b\n",
      "runs.yaml: the configuration must be a mapping, found a list"
    ),
    (
      "runs.yaml", "tasks: [{name: t, train: a.txt}]\nmodel:\n  dimension: 3\n dimension: 4\n",
      "runs.yaml: syntax error at line 4, column 2:"
        + " did not find expected key"
    ),
    (
      "runs.yaml", "tasks: [{name: t, train: a.txt}]\nmodel: {dimension: 3, dimension: 4}\n",
      #"runs.yaml: syntax error at line 2, column 9: duplicate key "dimension""#
    ),
    (
      "config.json", "{\"tasks\": [\n  {\"name\": \"t\",, }]}",
      "config.json: syntax error at line 2, column 16: Invalid value"
    ),
    (
      "config.json", "{\"tasks\": [\n  {\"name\": \"é\" \"x\"}]}",
      "config.json: syntax error at line 2, column 16: Invalid value"
    ),
  ]

  @Test(arguments: cases)
  func messagesNameTheFileAndTheKey(name: String, text: String, expected: String) {
    let format = ConfigurationFormat.detect(path: name, text: text)
    do {
      _ = try RunConfiguration.parse(
        text: text, format: format, baseDirectory: "/c", sourceName: name)
      Issue.record("expected an error: \(expected)")
    } catch {
      #expect(error.description == expected)
    }
  }

  @Test func unreadableFilesAreReported() throws {
    let directory = try TemporaryDirectory()
    let missing = directory.url.appendingPathComponent("missing.yaml").path
    #expect(throws: ConfigurationError.unreadableFile(path: missing, reason: "file not found")) {
      try RunConfiguration.load(path: missing)
    }
    let folder = directory.url.path
    #expect(throws: ConfigurationError.unreadableFile(path: folder, reason: "it is a directory")) {
      try RunConfiguration.load(path: folder)
    }
    let binary = try directory.write([0xFF, 0xFE, 0x00], named: "binary.yaml")
    let error = ConfigurationError.unreadableFile(path: binary, reason: "it is not UTF-8 text")
    #expect(
      error.description == "\(binary): cannot read the configuration file: it is not UTF-8 text")
    #expect(throws: error) { try RunConfiguration.load(path: binary) }
  }
}

struct ConfigurationLimitTests {
  @Test func anAliasIsRefusedBeforeItIsExpanded() {
    let text = "a: &a [x, y]\nb: [*a, *a]\ntasks: []\n"
    let error = #expect(throws: ConfigurationError.self) {
      _ = try RunConfiguration.parse(
        text: text, format: .yaml, baseDirectory: "/tmp", sourceName: "alias.yaml")
    }
    #expect(error?.description.contains("YAML aliases are not supported") == true)
    #expect(error?.description.contains("(*a)") == true)
  }

  @Test func anAnchorWithoutAnAliasIsStillAccepted() throws {
    let text = "tasks:\n  - &t {name: topic, train: t.jsonl}\n"
    let configuration = try RunConfiguration.parse(
      text: text, format: .yaml, baseDirectory: "/tmp", sourceName: "anchor.yaml")
    #expect(configuration.pipeline.tasks.map(\.name) == ["topic"])
  }

  @Test func aDocumentWithTooManyValuesIsRefused() {
    let text = "x: [" + Array(repeating: "1", count: 100_001).joined(separator: ",") + "]\n"
    let error = #expect(throws: ConfigurationError.self) {
      _ = try RunConfiguration.parse(
        text: text, format: .yaml, baseDirectory: "/tmp", sourceName: "big.yaml")
    }
    #expect(error?.description.contains("more than 100000 values") == true)
  }
}
