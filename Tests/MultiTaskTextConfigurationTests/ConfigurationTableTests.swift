import Foundation
import Testing

@testable import MultiTaskText
@testable import MultiTaskTextConfiguration

/// The setting tables are the one description of every key: the allowed keys, their order in
/// messages and the stored fields all follow from them.
@Suite struct ConfigurationTableTests {
  /// Each section's allowed keys, in the order "valid keys are" messages list them; pinned so
  /// that moving the keys into tables kept every message as it was.
  static let keyLists: [(keys: [String], expected: [String])] = [
    (
      RunConfiguration.configurationTable.keys,
      ["tasks", "text", "model", "features", "training", "output"]
    ),
    (
      TaskConfiguration.configurationTable.keys,
      [
        "name", "train", "dev", "test", "weight", "classWeighting", "learningRateScale", "type",
        "loss", "thresholds", "minProbability", "metric", "allowUnlabelled",
        "format", "encoding", "textField", "labelField", "labelsField", "textColumns",
        "labelColumn", "hasHeader", "allowsQuotedFields", "labelPrefix", "labelSeparator",
        "skipInvalid",
        "strictEncoding",
      ]
    ),
    (
      CorpusSource.fileTable.keys,
      [
        "path", "format", "encoding", "textField", "labelField", "labelsField", "textColumns",
        "labelColumn", "hasHeader", "allowsQuotedFields", "labelPrefix", "labelSeparator",
        "skipInvalid",
        "strictEncoding",
      ]
    ),
    (TextConfiguration.configurationTable.keys, ["normalizer", "tokenizer"]),
    (
      TextNormalizer.configurationTable.keys,
      ["form", "caseFolding", "stripsLatinAccents", "invalidUTF8"]
    ),
    (
      Tokenizer.configurationTable.keys,
      ["dropsPunctuation", "dropsSymbols", "mapsNumbers", "urls", "emails", "locale"]
    ),
    (
      ModelConfiguration.configurationTable.keys,
      ["dimension", "privateBuckets", "linear", "pretrainedVectors"]
    ),
    (
      FeatureConfiguration.configurationTable.keys,
      ["wordNgrams", "buckets", "minCount", "minn", "maxn", "maxVocabularySize"]
    ),
    (
      TrainingConfiguration.configurationTable.keys,
      [
        "epochs", "maxEpochs", "patience", "learningRate", "seed", "threads", "reproducible",
        "sampling", "temperature", "skipInvalid", "calibrate", "fitBiases", "keepBestEpoch",
        "weighting", "taskPatience", "optimizer", "memoryBudget", "cacheDirectory",
        "initialModel",
      ]
    ),
    (OutputConfiguration.configurationTable.keys, ["directory", "vocabularyCopy"]),
  ]

  @Test(arguments: keyLists)
  func keysKeepTheirOrder(keys: [String], expected: [String]) {
    #expect(keys == expected)
  }

  /// The keys a value's `Codable` form writes, which name the same fields as the tables.
  static func encodedKeys(_ value: some Encodable) throws -> Set<String> {
    let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
    return Set((object as? [String: Any] ?? [:]).keys)
  }

  @Test func everyStoredSettingHasARow() throws {
    let source = CorpusSource(path: "a.jsonl", format: .jsonl)
    var task = TaskConfiguration(name: "t", train: source, dev: source, test: source)
    task.specification.minProbability = 0.5
    task.allowUnlabelled = true
    let features = FeatureConfiguration(maxVocabularySize: 10)
    let output = OutputConfiguration(directory: "runs", vocabularyCopy: "vocab.tsv")
    // `epochs: auto` and `maxEpochs` are stored as the `automaticEpochs` flag and `epochs`.
    var training = TrainingConfiguration()
    training.initialModel = "base.mtl"
    // `calibrate` and `fitBiases` are written only when off.
    training.calibrate = false
    training.fitBiases = false
    // `reproducible` is written only when off.
    training.reproducible = false
    // `memoryBudget` is written only when not the default; `cacheDirectory` never, since
    // where the cache lives changes nothing in the model.
    training.memoryBudget = 1 << 30
    training.cacheDirectory = "/scratch"
    #expect(
      try Self.encodedKeys(training)
        == Set(TrainingConfiguration.configurationTable.keys).subtracting([
          "maxEpochs", "cacheDirectory",
        ])
        .union(["automaticEpochs"]))
    // `linear` is written only when it is not `off`, so runs without the path keep their bytes.
    var model = ModelConfiguration(pretrainedVectors: "v.vec")
    model.linear = .auto
    #expect(try Self.encodedKeys(model) == Set(ModelConfiguration.configurationTable.keys))
    // `wordNgrams: auto` and `minn`/`maxn: auto` are stored as flags.
    #expect(
      try Self.encodedKeys(features)
        == Set(FeatureConfiguration.configurationTable.keys)
        .union(["automaticWordNgrams", "automaticCharacterNgrams"]))
    #expect(try Self.encodedKeys(TextNormalizer()) == Set(TextNormalizer.configurationTable.keys))
    #expect(try Self.encodedKeys(Tokenizer()) == Set(Tokenizer.configurationTable.keys))
    #expect(
      try Self.encodedKeys(task)
        == Set(TaskConfiguration.configurationTable.settings.map(\.key)))
    #expect(try Self.encodedKeys(output) == Set(OutputConfiguration.configurationTable.keys))
  }

  @Test func anUnknownKeyListsTheTableKeys() {
    let text = "tasks: [{name: t, train: a.txt, dev: {path: b.txt, zzzzzz: 1}}]"
    #expect(
      throws: ConfigurationError.unknownKey(
        path: "c.yaml", key: "tasks[0].dev.zzzzzz", suggestion: nil,
        validKeys: CorpusSource.fileTable.keys)
    ) {
      try RunConfiguration.parse(
        text: text, format: .yaml, baseDirectory: "/c", sourceName: "c.yaml")
    }
  }

  @Test func aTaskFormatIsCheckedEvenWhenEveryFileSetsItsOwn() {
    let text = "tasks: [{name: t, format: jsnl, train: {path: a.dat, format: fasttext}}]"
    #expect(
      throws: ConfigurationError.invalidChoice(
        path: "c.yaml", key: "tasks[0].format", choices: ["jsonl", "csv", "tsv", "fasttext"],
        found: "jsnl")
    ) {
      try RunConfiguration.parse(
        text: text, format: .yaml, baseDirectory: "/c", sourceName: "c.yaml")
    }
  }

  @Test func theTrainingDecoderNamesEverySamplingStrategy() throws {
    let json =
      #"{"epochs": 1, "learningRate": 0.1, "seed": 1, "threads": 1,"#
      + #" "skipInvalid": false, "sampling": "random"}"#
    do {
      _ = try JSONDecoder().decode(TrainingConfiguration.self, from: Data(json.utf8))
      Issue.record("expected an unknown sampling error")
    } catch DecodingError.dataCorrupted(let context) {
      #expect(
        context.debugDescription
          == #"unknown sampling "random"; expected one of proportional, temperature, uniform,"#
          + " annealed")
    }
  }
}
