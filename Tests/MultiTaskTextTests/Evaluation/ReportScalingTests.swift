import Foundation
import Testing

@testable import MultiTaskText

/// Reports over tens of thousands of labels: the JSON stays complete and grows with the labels
/// plus the non-zero cells, and the reports for people fold the labels they cannot show.
struct ReportScalingTests {
  /// `documentsPerLabel` documents per label, a Zipf-like share of them wrong, each mistake
  /// going to one of two neighbours: about 1.5 non-zero cells per label.
  static func matrix(labels: Int, documentsPerLabel: Int = 3) -> ConfusionMatrix {
    var matrix = ConfusionMatrix(labels: (0..<labels).map { "label-\($0)" })
    for truth in 0..<labels {
      for document in 0..<documentsPerLabel {
        let wrong = (truth + document) % 4 == 0
        let predicted = wrong ? (truth + 1 + document % 2) % labels : truth
        matrix.record(truthIndex: truth, predicted: predicted)
      }
    }
    return matrix
  }

  static func report(_ matrix: ConfusionMatrix) -> EvaluationReport {
    var task = TaskReport(name: "tag", file: "tag.test.jsonl", confusion: matrix)
    task.select(by: .macroF1, labels: LabelSet(matrix.labels))
    return EvaluationReport(modelPath: "tag.mtl", tasks: [task])
  }

  @Test func twentyThousandLabelsMakeAReportLinearInLabelsAndCells() throws {
    let matrix = Self.matrix(labels: 20_000)
    #expect(matrix.nonZeroCellCount < 2 * 20_000)
    let report = Self.report(matrix)
    let bytes = try JSONReportRenderer().render(report)
    // A dense matrix alone would be 400 million pretty-printed numbers, over 6 GB.
    #expect(bytes.count < 250 * 20_000 + 60 * matrix.nonZeroCellCount + 10_000, "\(bytes.count)")

    let object = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == 2)
    let task = try #require((object["tasks"] as? [String: [String: Any]])?["tag"])
    let stored = try #require(task["confusionMatrix"] as? [String: Any])
    #expect(stored["counts"] == nil)
    let cells = try #require(stored["cells"] as? [String: [Int]])
    #expect(cells["truth"]?.count == matrix.nonZeroCellCount)
    #expect(cells["predicted"]?.count == matrix.nonZeroCellCount)
    #expect(cells["count"]?.reduce(0, +) == 60_000)
    #expect((task["classes"] as? [Any])?.count == 20_000)

    let decoded = try EvaluationReport(json: bytes)
    #expect(decoded == report)
    #expect(decoded.tasks[0].metrics == report.tasks[0].metrics)
  }

  /// Twice the labels, twice the bytes: the size per label is constant, so nothing in the
  /// pretty-printed report grows with the square of the labels.
  @Test func theJSONSizePerLabelIsConstant() throws {
    let small = try JSONReportRenderer().render(Self.report(Self.matrix(labels: 5_000)))
    let large = try JSONReportRenderer().render(Self.report(Self.matrix(labels: 10_000)))
    let ratio = Double(large.count) / Double(small.count)
    #expect(ratio > 1.9 && ratio < 2.1, "\(small.count) → \(large.count) bytes")
  }

  @Test func reportsForPeopleFoldThousandsOfLabels() throws {
    let report = Self.report(Self.matrix(labels: 20_000))
    let text = TextReportRenderer().render(report)
    let markdown = MarkdownReportRenderer().render(report)
    let html = HTMLReportRenderer().render(report)
    #expect(text.utf8.count < 20_000, "\(text.utf8.count)")
    #expect(markdown.utf8.count < 30_000, "\(markdown.utf8.count)")
    #expect(html.utf8.count < 200_000, "\(html.utf8.count)")
    #expect(text.contains("… 19,970 more labels"))
    #expect(markdown.contains("… 19,950 more labels"))
    #expect(html.contains("… 19,900 more labels"))
    // The top confusions name the biggest mistakes the folded matrix hides.
    let top = try #require(report.tasks[0].confusion.topConfusions(limit: 1).first)
    let name = report.tasks[0].confusion.labels[top.truth]
    #expect(text.contains("top confusions") && text.contains(name))
    #expect(markdown.contains("Top confusions") && markdown.contains(name))
    #expect(html.contains("Top confusions") && html.contains(name))
    // The table shows the best-supported labels first.
    let supports = report.tasks[0].confusion.rowTotals
    let best = try #require(supports.indices.max { supports[$0] < supports[$1] })
    #expect(text.contains("label-\(best) "))
  }

  @Test func smallReportsForPeopleAreNotFolded() {
    let report = SampleReports.threeTasks()
    let outputs = [
      TextReportRenderer().render(report), MarkdownReportRenderer().render(report),
      HTMLReportRenderer().render(report),
    ]
    for output in outputs { #expect(!output.contains("more label")) }
    // The 20 category labels keep their rows, in label order.
    let text = outputs[0]
    let positions = ["electronics", "books", "toys", "beauty", "health"].compactMap {
      text.range(of: "  " + $0 + " ")?.lowerBound
    }
    #expect(positions.count == 5 && positions == positions.sorted())
    // Markdown folds its matrix only past 20 labels, so it lists no top confusions here;
    // the terminal's 12-class matrix folds the 20 categories and names their confusions.
    #expect(!outputs[1].contains("Top confusions"))
    #expect(text.contains("top confusions (true label → predicted)"))
  }

  /// A multi-label task over 20,000 labels: per-label tables folded, the confused pairs kept,
  /// the JSON linear in the labels.
  @Test func multiLabelReportsScaleToo() throws {
    let labels = (0..<20_000).map { "tag-\($0)" }
    var counts = MultiLabelCounts(labels: labels.count)
    var pairs: [Int: Int] = [:]
    for document in 0..<40_000 {
      let truth = Int32(document % labels.count)
      let given = document % 5 == 0 ? Int32((document + 7) % labels.count) : truth
      counts.record(truth: [truth], predicted: [given])
      if given != truth { pairs[Int(truth) * labels.count + Int(given), default: 0] += 1 }
    }
    let cells = pairs.map {
      ConfusionMatrix.Cell(
        truth: $0.key / labels.count, predicted: $0.key % labels.count, count: $0.value)
    }
    let multiLabel = MultiLabelReport(
      labels: labels, counts: counts, thresholds: [], pairCounts: cells)
    #expect(multiLabel.confusedPairs.count == MultiLabelReport.confusedPairLimit)
    #expect(multiLabel.confusedPairs.allSatisfy { $0.count == 2 })
    var task = TaskReport(name: "tags", file: "tags.jsonl", confusion: ConfusionMatrix(labels: []))
    task.multiLabel = multiLabel
    let report = EvaluationReport(tasks: [task])
    let bytes = try JSONReportRenderer().render(report)
    #expect(bytes.count < 400 * labels.count, "\(bytes.count)")
    #expect(try EvaluationReport(json: bytes).tasks[0].multiLabel == multiLabel)
    let text = TextReportRenderer().render(report)
    let markdown = MarkdownReportRenderer().render(report)
    let html = HTMLReportRenderer().render(report)
    #expect(text.utf8.count < 20_000 && markdown.utf8.count < 30_000)
    #expect(html.utf8.count < 200_000)
    #expect(text.contains("… 19,970 more labels"))
    #expect(markdown.contains("… 19,950 more labels"))
    #expect(html.contains("… 19,900 more labels"))
  }
}
