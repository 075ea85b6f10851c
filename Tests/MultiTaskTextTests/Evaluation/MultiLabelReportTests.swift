import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// A multi-label task's evaluation from a test file to `report.json` and back: the figures
/// equal those of a naive reference built from the predictor's own answers.
@Suite struct MultiLabelReportTests {
  /// Right and wrong answers, an empty list, an unseen label, an unlabelled record and a
  /// document with no known word.
  static let testFile = """
    {"text": "red blue car", "label": ["a", "b"]}
    {"text": "a red door", "label": ["a"]}
    {"text": "the small house", "label": []}
    {"text": "red hat", "label": ["b"]}
    {"text": "my red hat", "label": ["b"]}
    {"text": "blue ball", "label": ["b", "z"]}
    {"text": "new shirt", "label": null}
    {"text": "zebra", "label": ["a"]}

    """

  static func evaluate() throws -> (report: EvaluationReport, model: MultiTaskModel) {
    let model = try MultiLabelTrainingTests.train()
    let directory = try TemporaryDirectory()
    let path = try directory.write(Self.testFile, named: "test.jsonl")
    let report = try Pipeline.evaluate(
      model, on: [("colour", CorpusSource(path: path, format: .jsonl))])
    return (report, model)
  }

  /// What the predictor answers for each labelled line, as sets of names.
  static func reference(model: MultiTaskModel) throws -> MultiLabelCountsTests.Reference {
    let predictor = try Predictor(model: model)
    let labels = model.manifest.tasks[0].labels
    let lines = [
      ("red blue car", ["a", "b"]), ("a red door", ["a"]), ("the small house", []),
      ("red hat", ["b"]), ("my red hat", ["b"]), ("blue ball", ["b", "z"]), ("zebra", ["a"]),
    ]
    let documents = try lines.map { text, truth in
      _ = try predictor.predict(text)
      return MultiLabelCountsTests.Document(
        truth: Set(truth),
        predicted: Set(predictor.selectedLabels(ofTask: 0).map { labels[$0.label] }))
    }
    return MultiLabelCountsTests.Reference(labels: labels.labels, documents: documents)
  }

  @Test func theReportsFiguresAreThoseOfThePredictorsAnswers() throws {
    let (report, model) = try Self.evaluate()
    let task = try #require(report.tasks.first)
    let multiLabel = try #require(task.multiLabel)
    let reference = try Self.reference(model: model)
    MultiLabelCountsTests.expectMatches(multiLabel.counts, reference)
    #expect(multiLabel.counts.documents == 7)
    #expect(multiLabel.thresholds == model.manifest.tasks[0].thresholds)
    #expect(task.documentsWithoutKnownTokens == 1)
    #expect(task.calibration == nil)
    // The headline metrics: accuracy is subset accuracy, macro-F1 the labels'.
    #expect(task.metrics.accuracy == multiLabel.counts.subsetAccuracy)
    #expect(task.metrics.macroF1 == multiLabel.counts.macroF1)
    #expect(task.metrics.examples == 7)
    #expect(task.metrics.classes.map(\.label) == ["a", "b"])
    #expect(task.metrics.classes.map(\.support) == [3, 4])
    // "red hat" labelled b is answered a: b missed, a given instead.
    let pair = multiLabel.confusedPairs.first { $0.truth == "b" && $0.predicted == "a" }
    #expect((pair?.count ?? 0) >= 2)
  }

  @Test func reportJSONHasTheMultiLabelFieldsAndDecodesBackEqual() throws {
    let (report, _) = try Self.evaluate()
    let bytes = try JSONReportRenderer().render(report)
    let object = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    let tasks = try #require(object["tasks"] as? [String: [String: Any]])
    let task = try #require(tasks["colour"])
    let counts = try #require(report.tasks.first?.multiLabel?.counts)
    func number(_ value: Any?) throws -> Double { try #require(value as? Double) }
    #expect(abs(try number(task["accuracy"]) - counts.subsetAccuracy) < 1e-12)
    #expect(abs(try number(task["macroF1"]) - counts.macroF1) < 1e-12)
    #expect(abs(try number(task["microF1"]) - counts.microF1) < 1e-12)
    #expect(task["documentsWithoutKnownTokens"] as? Int == 1)
    let multiLabel = try #require(task["multiLabel"] as? [String: Any])
    for key in [
      "microF1", "macroF1", "sampleF1", "subsetAccuracy", "hammingLoss", "thresholds",
      "confusedPairs", "labels", "counts",
    ] {
      #expect(multiLabel[key] != nil, "missing multiLabel.\(key)")
    }
    #expect(abs(try number(multiLabel["subsetAccuracy"]) - counts.subsetAccuracy) < 1e-12)
    #expect(abs(try number(multiLabel["hammingLoss"]) - counts.hammingLoss) < 1e-12)
    #expect(abs(try number(multiLabel["sampleF1"]) - counts.sampleF1) < 1e-12)
    #expect(multiLabel["labels"] as? [String] == ["a", "b"])

    let decoded = try EvaluationReport(json: bytes)
    #expect(decoded == report)
    #expect(decoded.tasks.first?.multiLabel == report.tasks.first?.multiLabel)
    #expect(decoded.tasks.first?.metrics == report.tasks.first?.metrics)
    #expect(decoded.tasks.first?.documentsWithoutKnownTokens == 1)
    #expect(try JSONReportRenderer().render(decoded) == bytes)
  }

  /// Reports that differ only in their multi-label evaluation or calibration are not equal:
  /// a multi-label task's confusion matrix is empty, so it cannot tell them apart.
  @Test func reportsWithDifferentMultiLabelResultsDiffer() throws {
    let (report, _) = try Self.evaluate()
    var changed = report
    var counts = try #require(changed.tasks[0].multiLabel?.counts)
    counts.record(truth: [0], predicted: [1])
    changed.tasks[0].multiLabel?.counts = counts
    #expect(changed != report)
    var calibrated = report
    calibrated.tasks[0].calibration = CalibrationReport(ece: 0.1, logLoss: 1, brier: 0.5, bins: [])
    #expect(calibrated != report)
  }

  /// A single-label task's report carries its calibration, which decodes back.
  @Test func aSingleLabelReportCarriesItsCalibration() throws {
    let model = try InMemoryTrainingTests.trainer().train(examples: InMemoryTrainingTests.examples)
    let directory = try TemporaryDirectory()
    let path = try directory.write(
      "{\"text\": \"free prize now\", \"label\": \"spam\"}\n"
        + "{\"text\": \"lunch tomorrow\", \"label\": \"ham\"}\n"
        + "{\"text\": \"free lunch\", \"label\": \"ham\"}\n", named: "spam.jsonl")
    let report = try Pipeline.evaluate(
      model, on: [("spam", CorpusSource(path: path, format: .jsonl))])
    let calibration = try #require(report.tasks.first?.calibration)
    #expect(calibration.bins.map(\.count).reduce(0, +) == 3)
    #expect(report.tasks.first?.multiLabel == nil)
    let bytes = try JSONReportRenderer().render(report)
    let object = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    let task = try #require((object["tasks"] as? [String: [String: Any]])?["spam"])
    let stored = try #require(task["calibration"] as? [String: Any])
    #expect(stored["ece"] is Double && stored["logLoss"] is Double && stored["brier"] is Double)
    #expect(task["multiLabel"] == nil && task["microF1"] == nil)
    #expect(try EvaluationReport(json: bytes).tasks.first?.calibration == calibration)
  }

  /// A label given twice counts once, as every reader and dev scoring count it.
  @Test func aRepeatedLabelCountsOnce() throws {
    let model = try MultiLabelTrainingTests.train()
    let scorer = try Evaluator(model: model).scorer(forTask: "colour")
    try scorer.record(Example(text: "a red door", labelLists: ["colour": ["a", "a"]]))
    try scorer.record(Example(text: "blue", labelLists: ["colour": ["z", "b", "z"]]))
    let once = try Evaluator(model: model).scorer(forTask: "colour")
    try once.record(Example(text: "a red door", labelLists: ["colour": ["a"]]))
    try once.record(Example(text: "blue", labelLists: ["colour": ["z", "b"]]))
    #expect(scorer.multiLabelReport?.counts == once.multiLabelReport?.counts)
    #expect(once.multiLabelReport?.counts.exactMatches == 1)
  }
}
