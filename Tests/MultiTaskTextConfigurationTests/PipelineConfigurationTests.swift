import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText
@testable import MultiTaskTextConfiguration

@Suite struct PipelineConfigurationTests {
  static let exampleJSON = """
    { "tasks": [ {"name": "topic", "train": "data/train.jsonl", "dev": "data/dev.jsonl",
                  "test": "data/test.jsonl", "weight": 1.0, "format": "jsonl",
                  "textField": "text", "labelField": "label"} ],
      "model": {"dimension": 50},
      "features": {"wordNgrams": 2, "buckets": 2000000, "minCount": 1, "minn": 0, "maxn": 0},
      "training": {"epochs": 5, "learningRate": 0.5, "seed": 1, "threads": 1,
                   "sampling": "proportional"},
      "output": {"directory": "runs/demo"} }
    """

  static let exampleYAML = """
    # The same run as exampleJSON.
    tasks:
      - name: topic
        train: data/train.jsonl
        dev: data/dev.jsonl
        test: data/test.jsonl
        weight: 1
        format: jsonl
        textField: text
        labelField: label
    model:
      dimension: 50
    features: {wordNgrams: 2, buckets: 2000000, minCount: 1, minn: 0, maxn: 0}
    training:
      epochs: 5
      learningRate: 0.5
      seed: 1
      threads: 1
      sampling: proportional
    output:
      directory: runs/demo
    """

  @Test func jsonAndYAMLFilesGiveEqualConfigurations() throws {
    let directory = try TemporaryDirectory()
    let jsonPath = try directory.write(Self.exampleJSON, named: "demo.json")
    let yamlPath = try directory.write(Self.exampleYAML, named: "demo.yaml")
    let fromJSON = try RunConfiguration.load(path: jsonPath)
    let fromYAML = try RunConfiguration.load(path: yamlPath)
    #expect(fromJSON == fromYAML)
    let base = directory.url.standardizedFileURL.path
    let task = try #require(fromJSON.pipeline.tasks.first)
    #expect(task.name == "topic")
    #expect(
      task.train
        == CorpusSource(path: "\(base)/data/train.jsonl", format: .jsonl, taskName: "topic"))
    #expect(task.dev?.path == "\(base)/data/dev.jsonl")
    #expect(task.test?.path == "\(base)/data/test.jsonl")
    #expect(fromJSON.output.directory == "\(base)/runs/demo")
    #expect(fromJSON.pipeline.model.dimension == 50)
    #expect(
      fromJSON.pipeline.training
        == TrainingConfiguration(epochs: 5, learningRate: 0.5, sampling: .proportional))
  }

  @Test func formatIsSniffedForOtherExtensions() throws {
    let directory = try TemporaryDirectory()
    let jsonPath = try directory.write(Self.exampleJSON, named: "demo.conf")
    let yamlPath = try directory.write(Self.exampleYAML, named: "demo.cfg")
    #expect(
      try RunConfiguration.load(path: jsonPath) == RunConfiguration.load(path: yamlPath))
    #expect(ConfigurationFormat.detect(path: "x.conf", text: "  {\"a\": 1}") == .json)
    #expect(ConfigurationFormat.detect(path: "x.conf", text: "a: 1") == .yaml)
    #expect(ConfigurationFormat.detect(path: "x.YML", text: "{}") == .yaml)
  }

  @Test func almostEmptyConfigurationTakesEveryDefault() throws {
    let configuration = try RunConfiguration.parse(
      text: "tasks: [{name: spam, train: spam.tsv}]", format: .yaml, baseDirectory: "/data",
      sourceName: "/data/configs/quick.yaml")
    let expected = RunConfiguration(
      pipeline: PipelineConfiguration(tasks: [
        TaskConfiguration(
          name: "spam", train: CorpusSource(path: "/data/spam.tsv", format: .tsv, taskName: "spam"))
      ]),
      output: OutputConfiguration(directory: "/data/runs/quick"))
    #expect(configuration == expected)
    #expect(configuration.pipeline.training.sampling == .temperature(1.5))
    #expect(configuration.pipeline.tasks[0].specification.weight == 1)
    #expect(configuration.pipeline.tasks[0].specification.classWeighting == .none)
    #expect(configuration.pipeline.features.maxVocabularySize == nil)
    #expect(configuration.pipeline.text == TextConfiguration())
  }

  @Test func relativePathsResolveAgainstTheConfigurationFolder() throws {
    let text = """
      tasks:
        - name: topic
          train: ../corpora/./train.txt
          dev: /absolute/dev.txt
      output: {directory: out, vocabularyCopy: ../vocab/topic.tsv}
      """
    let configuration = try RunConfiguration.parse(
      text: text, format: .yaml, baseDirectory: "/work/configs", sourceName: "c.yaml")
    #expect(configuration.pipeline.tasks[0].train.path == "/work/corpora/train.txt")
    #expect(configuration.pipeline.tasks[0].dev?.path == "/absolute/dev.txt")
    #expect(configuration.output.directory == "/work/configs/out")
    #expect(configuration.output.vocabularyCopy == "/work/vocab/topic.tsv")
  }

  @Test func fileEntriesOverrideTheTaskSettings() throws {
    let text = """
      tasks:
        - name: sentiment
          format: tsv
          hasHeader: false
          textColumns: 1
          labelColumn: 0
          skipInvalid: true
          train: sst/train.tsv
          dev: {path: sst/dev.csv, format: csv, hasHeader: true, textColumns: [title, body],
                labelColumn: stars, encoding: cp1252, skipInvalid: false}
          test: {path: sst/test.txt, format: fasttext, labelPrefix: ""}
          classWeighting: balanced
          weight: 0.5
      """
    let configuration = try RunConfiguration.parse(
      text: text, format: .yaml, baseDirectory: "/c", sourceName: "c.yaml")
    let task = configuration.pipeline.tasks[0]
    #expect(
      task.train
        == CorpusSource(
          path: "/c/sst/train.tsv", format: .tsv, taskName: "sentiment",
          textColumns: [.index(1)], labelColumns: ["sentiment": .index(0)], hasHeader: false,
          skipInvalid: true))
    #expect(
      task.dev
        == CorpusSource(
          path: "/c/sst/dev.csv", format: .csv, encoding: .windows1252, taskName: "sentiment",
          textColumns: [.name("title"), .name("body")], labelColumns: ["sentiment": .name("stars")],
          hasHeader: true, skipInvalid: false))
    #expect(task.test?.format == .fasttext)
    #expect(task.test?.labelPrefix == "")
    #expect(task.test?.skipInvalid == true)
    #expect(task.specification.classWeighting == .balanced)
    #expect(task.specification.weight == 0.5)
  }

  static let extensions: [(String, CorpusFormat)] = [
    ("a.jsonl", .jsonl), ("a.json", .jsonl), ("a.csv", .csv), ("a.TSV", .tsv),
    ("a.txt", .fasttext), ("a.ft", .fasttext),
  ]

  @Test(arguments: extensions)
  func formatIsInferredFromTheExtension(file: String, format: CorpusFormat) throws {
    let configuration = try RunConfiguration.parse(
      text: "tasks: [{name: t, train: \(file)}]", format: .yaml, baseDirectory: "/",
      sourceName: "c.yaml")
    #expect(configuration.pipeline.tasks[0].train.format == format)
  }

  @Test func tasksMayShareOneMultiTaskFile() throws {
    let text = """
      {"tasks": [{"name": "topic", "train": "news.jsonl"},
                 {"name": "sentiment", "train": "news.jsonl", "weight": 2}],
       "training": {"sampling": "temperature", "temperature": 3, "skipInvalid": true}}
      """
    let configuration = try RunConfiguration.parse(
      text: text, format: .json, baseDirectory: "/n", sourceName: "n.json")
    #expect(configuration.pipeline.tasks.map(\.name) == ["topic", "sentiment"])
    #expect(configuration.pipeline.tasks.map(\.train.path) == ["/n/news.jsonl", "/n/news.jsonl"])
    #expect(configuration.pipeline.tasks.map(\.train.taskName) == ["topic", "sentiment"])
    #expect(configuration.pipeline.tasks.map(\.train.skipInvalid) == [true, true])
    #expect(configuration.pipeline.task(named: "sentiment")?.specification.weight == 2)
    #expect(configuration.pipeline.training.sampling == .temperature(3))
  }

  @Test func textSettingsAreRead() throws {
    let text = """
      tasks: [{name: t, train: a.txt}]
      text:
        normalizer: {form: nfc, caseFolding: false, stripsLatinAccents: true, invalidUTF8: reject}
        tokenizer: {dropsPunctuation: true, dropsSymbols: true, mapsNumbers: true,
                    urls: placeholder, emails: split, locale: th}
      features: {maxVocabularySize: 1000, minn: 2, maxn: 5}
      """
    let configuration = try RunConfiguration.parse(
      text: text, format: .yaml, baseDirectory: "/", sourceName: "c.yaml")
    #expect(
      configuration.pipeline.text.normalizer
        == TextNormalizer(
          form: .nfc, caseFolding: false, stripsLatinAccents: true, invalidUTF8: .reject))
    #expect(
      configuration.pipeline.text.tokenizer
        == Tokenizer(
          dropsPunctuation: true, dropsSymbols: true, mapsNumbers: true, urls: .placeholder,
          emails: .split, locale: "th"))
    #expect(configuration.pipeline.features.maxVocabularySize == 1000)
    #expect(configuration.pipeline.features.minCharNgram == 2)
  }

  /// A bad value given with `--set` names the override, not the valid file.
  @Test(arguments: [
    ("training.epochs=abc", "--set training.epochs=abc: \"training.epochs\" must be"),
    ("tasks.t.weight=-1", "--set tasks.t.weight=-1: \"tasks[0].weight\" must be"),
  ])
  func overrideErrorsNameTheOverride(override: String, start: String) {
    let error = #expect(throws: ConfigurationError.self) {
      _ = try RunConfiguration.parse(
        text: "tasks: [{name: t, train: a.jsonl}]\n", format: .yaml, baseDirectory: "/",
        overrides: [override], sourceName: "c.yaml")
    }
    #expect(error?.description.hasPrefix(start) == true, "\(String(describing: error))")
  }

  /// A multi-label task makes SGD at 0.5 the default; an explicit rate keeps SGD, and an
  /// explicit optimizer keeps its own default rate.
  @Test(arguments: [
    ("", Optimizer.sgd, 0.5), ("training: {learningRate: 0.2}", .sgd, 0.2),
    ("training: {optimizer: adagrad}", .adagrad, 0.1),
  ])
  func multiLabelTasksDefaultToSGD(training: String, optimizer: Optimizer, rate: Double)
    throws
  {
    let text = "tasks: [{name: t, type: multiLabel, train: a.jsonl}]\n\(training)\n"
    let configuration = try RunConfiguration.parse(
      text: text, format: .yaml, baseDirectory: "/", sourceName: "c.yaml")
    #expect(configuration.pipeline.training.optimizer == optimizer)
    #expect(configuration.pipeline.training.learningRate == rate)
    #expect(configuration.pipeline.tasks[0].specification.metric == .macroF1)
    let single = try RunConfiguration.parse(
      text: "tasks: [{name: t, train: a.jsonl}]\n", format: .yaml, baseDirectory: "/",
      sourceName: "c.yaml")
    #expect(single.pipeline.training.optimizer == .adagrad)
  }

  /// Character n-grams are automatic unless either end is given; `auto` says so explicitly.
  @Test(arguments: [
    ("{}", true, 0, 0), ("{minn: auto, maxn: auto}", true, 0, 0), ("{maxn: 0}", false, 0, 0),
    ("{minn: 3, maxn: 6}", false, 3, 6),
  ])
  func characterNgramsAreAutomaticUnlessGiven(
    features: String, automatic: Bool, minn: Int, maxn: Int
  ) throws {
    let configuration = try RunConfiguration.parse(
      text: "tasks: [{name: t, train: a.txt}]\nfeatures: \(features)\n", format: .yaml,
      baseDirectory: "/", sourceName: "c.yaml")
    let parsed = configuration.pipeline.features
    #expect(parsed.automaticCharacterNgrams == automatic)
    #expect((parsed.minCharNgram, parsed.maxCharNgram) == (minn, maxn))
  }

  @Test func yamlKeepsYesAndNoAsStrings() throws {
    let configuration = try RunConfiguration.parse(
      text: "tasks: [{name: t, train: a.txt, labelPrefix: no}]", format: .yaml,
      baseDirectory: "/", sourceName: "c.yaml")
    #expect(configuration.pipeline.tasks[0].train.labelPrefix == "no")
  }

  @Test func codableRoundTripPreservesEverything() throws {
    let text = """
      tasks:
        - {name: topic, train: a.jsonl, dev: {path: b.csv, labelColumn: 2, hasHeader: false}}
        - {name: spam, train: c.txt, classWeighting: balanced, weight: 3}
      training: {sampling: temperature, temperature: 1.5, seed: 42, threads: 4}
      features: {maxVocabularySize: 10}
      output: {vocabularyCopy: vocab.tsv}
      """
    let configuration = try RunConfiguration.parse(
      text: text, format: .yaml, baseDirectory: "/r", sourceName: "r.yaml")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(configuration)
    let decoded = try JSONDecoder().decode(RunConfiguration.self, from: data)
    #expect(decoded == configuration)
    #expect(try encoder.encode(decoded) == data)
    let uniform = RunConfiguration(
      pipeline: PipelineConfiguration(
        tasks: configuration.pipeline.tasks, training: TrainingConfiguration(sampling: .uniform)),
      output: configuration.output)
    let uniformData = try encoder.encode(uniform)
    #expect(try JSONDecoder().decode(RunConfiguration.self, from: uniformData) == uniform)
  }
}
