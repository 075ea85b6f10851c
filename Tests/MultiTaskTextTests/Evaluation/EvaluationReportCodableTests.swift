import Foundation
import Testing

@testable import MultiTaskText

struct EvaluationReportCodableTests {
  static func json(_ report: EvaluationReport) throws -> [String: Any] {
    let bytes = try JSONReportRenderer().render(report)
    return try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
  }

  @Test(arguments: [
    SampleReports.threeTasks(), SampleReports.useless(), EvaluationReport(tasks: []),
  ])
  func roundTripsThroughJSON(report: EvaluationReport) throws {
    let bytes = try JSONReportRenderer().render(report)
    let decoded = try EvaluationReport(json: bytes)
    #expect(decoded == report)
    #expect(decoded.tasks.map(\.metrics) == report.tasks.map(\.metrics))
    #expect(try JSONReportRenderer().render(decoded) == bytes)
  }

  @Test func writesTheSchemaVersionAndTaskOrder() throws {
    let object = try Self.json(SampleReports.threeTasks())
    #expect(object["schemaVersion"] as? Int == EvaluationReport.currentSchemaVersion)
    #expect(object["taskOrder"] as? [String] == ["topic", "sentiment", "category"])
    #expect(object["model"] as? String == "models/news-reviews-shop.mtl")
    #expect(try Self.json(SampleReports.useless())["model"] == nil)
  }

  @Test(arguments: [3, 99])
  func rejectsANewerSchemaVersion(version: Int) throws {
    var object = try Self.json(SampleReports.useless())
    object["schemaVersion"] = version
    let bytes = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: ReportDecodingError.newerSchema(found: version, supported: 2)) {
      try EvaluationReport(json: Array(bytes))
    }
    let message = ReportDecodingError.newerSchema(found: version, supported: 2).description
    #expect(message.contains("schemaVersion \(version)") && message.contains("upgrade"))
  }

  @Test func rejectsATaskOrderThatDisagreesWithTheTasks() throws {
    var object = try Self.json(SampleReports.useless())
    object["taskOrder"] = ["spam", "ghost"]
    let bytes = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: ReportDecodingError.taskOrderMismatch(missing: ["ghost"], unlisted: [])) {
      try EvaluationReport(json: Array(bytes))
    }
  }

  @Test func rejectsAConfusionMatrixThatIsNotSquare() throws {
    var object = try Self.json(SampleReports.useless())
    var tasks = try #require(object["tasks"] as? [String: Any])
    var task = try #require(tasks["spam"] as? [String: Any])
    task["confusionMatrix"] = ["labels": ["ham", "spam"], "knownLabels": 2, "counts": [[1, 2]]]
    tasks["spam"] = task
    object["tasks"] = tasks
    let bytes = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: ReportDecodingError.self) { try EvaluationReport(json: Array(bytes)) }
  }

  @Test func putsScoresAtFixedPaths() throws {
    let report = SampleReports.threeTasks()
    let tasks = try #require(Self.json(report)["tasks"] as? [String: [String: Any]])
    for task in report.tasks {
      let entry = try #require(tasks[task.name])
      // JSONSerialization may parse the last digit one ulp off; JSONDecoder round-trips exactly.
      #expect(abs(try #require(entry["accuracy"] as? Double) - task.metrics.accuracy) < 1e-12)
      #expect(abs(try #require(entry["macroF1"] as? Double) - task.metrics.macroF1) < 1e-12)
      #expect(entry["examples"] as? Int == task.metrics.examples)
      let matrix = try #require(entry["confusionMatrix"] as? [String: Any])
      #expect(matrix["labels"] as? [String] == task.confusion.labels)
      #expect(matrix["knownLabels"] as? Int == task.confusion.knownLabelCount)
      let baseline = try #require(entry["majorityBaseline"] as? [String: Any])
      #expect(baseline["label"] as? String == task.majorityBaseline.label)
    }
    let unseen = try #require(tasks["sentiment"]?["unseenLabels"] as? [[String: Any]])
    #expect(
      unseen.count == 1 && unseen[0]["label"] as? String == "mixed"
        && unseen[0]["examples"] as? Int == 37)
  }

  @Test func neverWritesNaNOrInfinity() throws {
    // "c" is never predicted: precision 0/0 must not leak out as NaN.
    var matrix = ConfusionMatrix(labels: ["a", "b", "c"])
    matrix.record(truth: "a", predicted: 0)
    matrix.record(truth: "c", predicted: 1)
    let history = TrainingHistory(
      epochs: [.init(epoch: 1, loss: ["t": .nan], devAccuracy: ["t": .infinity])], seconds: .nan)
    let report = EvaluationReport(
      tasks: [TaskReport(name: "t", file: "t.txt", confusion: matrix)], history: history)
    let text = String(decoding: try JSONReportRenderer().render(report), as: UTF8.self)
    for bad in ["nan", "NaN", "Infinity", "inf"] { #expect(!text.contains(bad)) }
    let decoded = try EvaluationReport(json: Array(text.utf8))
    #expect(decoded.history?.epochs.first?.loss["t"]?.isNaN == true)
  }
}
