import Foundation
import Testing

@testable import MultiTaskText

/// How `report.json` stores a confusion matrix: non-zero cells always, dense counts while
/// small, and version 1 reports (dense only) still read.
struct ReportConfusionJSONTests {
  static func object(_ report: EvaluationReport) throws -> [String: Any] {
    try EvaluationReportCodableTests.json(report)
  }

  static func bytes(_ object: [String: Any]) throws -> [UInt8] {
    Array(try JSONSerialization.data(withJSONObject: object))
  }

  /// `object` with task `name`'s confusion matrix changed by `change`.
  static func changingMatrix(
    of name: String, in object: [String: Any], _ change: (inout [String: Any]) -> Void
  ) throws -> [String: Any] {
    var object = object
    var tasks = try #require(object["tasks"] as? [String: Any])
    var task = try #require(tasks[name] as? [String: Any])
    var matrix = try #require(task["confusionMatrix"] as? [String: Any])
    change(&matrix)
    task["confusionMatrix"] = matrix
    tasks[name] = task
    object["tasks"] = tasks
    return object
  }

  /// What a pandas or NumPy user does: fill a zero matrix from the cells.
  @Test func aSmallMatrixHasDenseCountsThatTheCellsRebuild() throws {
    let report = SampleReports.threeTasks()
    let tasks = try #require(Self.object(report)["tasks"] as? [String: [String: Any]])
    for task in report.tasks {
      let stored = try #require(tasks[task.name]?["confusionMatrix"] as? [String: Any])
      let labels = try #require(stored["labels"] as? [String])
      let counts = try #require(stored["counts"] as? [[Int]])
      let cells = try #require(stored["cells"] as? [String: [Int]])
      let (truth, predicted, count) = (
        try #require(cells["truth"]), try #require(cells["predicted"]),
        try #require(cells["count"])
      )
      var rebuilt = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
      for index in truth.indices { rebuilt[truth[index]][predicted[index]] = count[index] }
      #expect(rebuilt == counts)
      #expect(counts == task.confusion.denseCounts)
      #expect(count.allSatisfy { $0 > 0 })
    }
  }

  @Test func aMatrixPastTheLimitHasOnlyCells() throws {
    let labels = TaskReport.denseConfusionLabelLimit + 1
    var matrix = ConfusionMatrix(labels: (0..<labels).map { "l\($0)" })
    matrix.record(truthIndex: 3, predicted: 4)
    let report = EvaluationReport(tasks: [TaskReport(name: "t", file: "f", confusion: matrix)])
    let object = try Self.object(report)
    let stored = try #require(
      ((object["tasks"] as? [String: [String: Any]])?["t"])?["confusionMatrix"]
        as? [String: Any])
    #expect(stored["counts"] == nil)
    #expect(stored["cells"] as? [String: [Int]] == ["truth": [3], "predicted": [4], "count": [1]])
    #expect(try EvaluationReport(json: JSONReportRenderer().render(report)) == report)
  }

  @Test func readsAVersion1ReportWithoutCells() throws {
    let report = SampleReports.threeTasks()
    var object = try Self.object(report)
    for name in report.tasks.map(\.name) {
      object = try Self.changingMatrix(of: name, in: object) { $0["cells"] = nil }
    }
    object["schemaVersion"] = 1
    #expect(try EvaluationReport(json: Self.bytes(object)) == report)
  }

  @Test(
    arguments: [
      ("disagree", ["truth": [0], "predicted": [1], "count": [5]], true),
      ("outside", ["truth": [0], "predicted": [2], "count": [70]], false),
      ("twice", ["truth": [0, 0], "predicted": [0, 0], "count": [35, 35]], false),
      ("zero", ["truth": [0, 1], "predicted": [0, 1], "count": [70, 0]], false),
      ("lengths", ["truth": [0, 1], "predicted": [0], "count": [70]], false),
    ] as [(String, [String: [Int]], Bool)])
  func rejectsMalformedCells(name: String, cells: [String: [Int]], keepCounts: Bool) throws {
    let object = try Self.changingMatrix(of: "spam", in: Self.object(SampleReports.useless())) {
      $0["cells"] = cells
      if !keepCounts { $0["counts"] = nil }
    }
    #expect(throws: ReportDecodingError.self, "\(name)") {
      try EvaluationReport(json: Self.bytes(object))
    }
  }

  @Test func rejectsAMatrixWithNeitherCellsNorCounts() throws {
    let object = try Self.changingMatrix(of: "spam", in: Self.object(SampleReports.useless())) {
      $0["cells"] = nil
      $0["counts"] = nil
    }
    #expect(
      throws: ReportDecodingError.malformedConfusionMatrix(
        task: "spam", problem: "it has neither cells nor counts")
    ) { try EvaluationReport(json: Self.bytes(object)) }
  }
}
