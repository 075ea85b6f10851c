import Foundation

/// One task's part of the JSON report: its scores for readers, and the confusion matrix and
/// baseline from which a reader rebuilds everything else.
///
/// The task's name is the key it is stored under, so it is not repeated inside; decoding
/// leaves ``TaskReport/name`` empty and ``EvaluationReport`` fills it in from the key.
///
/// The confusion matrix is written as its non-zero `cells`, three parallel arrays (`truth`,
/// `predicted`, `count`, the indices into `labels`), the columns of a pandas data frame and
/// the triplets of a SciPy COO matrix. Up to ``TaskReport/denseConfusionLabelLimit`` labels
/// the dense `counts` are written too, as schema version 1 did; past it they would grow with
/// the square of the labels (6 GB of pretty-printed JSON for 20,000 labels), so they are left
/// out. docs/REPORTS.md shows how to rebuild the dense matrix from the cells.
extension TaskReport: Codable {
  /// The most labels whose confusion matrix `report.json` also writes densely, as `counts`.
  ///
  /// 100 labels make 10,000 dense numbers, about 160 KB pretty-printed, next to the cells a
  /// reader should prefer; 1,000 labels would make 16 MB.
  public static let denseConfusionLabelLimit = 100

  /// The most cells, or dense numbers, a report read back may hold: a bound on the memory a
  /// malformed or hostile file can claim (100 million cells is about 5 GB of JSON).
  static let decodedCellLimit = 100_000_000
  enum CodingKeys: String, CodingKey {
    case file, examples, accuracy, macroF1, weightedF1, majorityBaseline, classes
    case confusionMatrix, unseenLabels, selection
    case microF1, multiLabel, calibration, documentsWithoutKnownTokens, abstention
  }

  enum ClassKeys: String, CodingKey {
    case label, precision, recall, f1, support
  }

  enum MatrixKeys: String, CodingKey {
    case labels, knownLabels, counts, cells
  }

  enum CellKeys: String, CodingKey {
    case truth, predicted, count
  }

  enum UnseenKeys: String, CodingKey {
    case label, examples
  }

  enum BaselineKeys: String, CodingKey {
    case label, accuracy, source
  }

  private enum SelectionKeys: String, CodingKey {
    case metric, value
  }

  /// Writes the task's scores, matrix and baseline.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(metrics.examples, forKey: .examples)
    if let selection {
      var item = container.nestedContainer(keyedBy: SelectionKeys.self, forKey: .selection)
      try item.encode(selection.metric.description, forKey: .metric)
      try item.encode(selection.value, forKey: .value)
    }
    try container.encodeFinite(metrics.accuracy, forKey: .accuracy)
    try container.encodeFinite(metrics.macroF1, forKey: .macroF1)
    try container.encodeFinite(metrics.weightedF1, forKey: .weightedF1)
    if let multiLabel {
      try container.encodeFinite(multiLabel.counts.microF1, forKey: .microF1)
      try container.encode(JSONMultiLabel(multiLabel), forKey: .multiLabel)
    }
    try container.encodeIfPresent(calibration, forKey: .calibration)
    if documentsWithoutKnownTokens > 0 {
      try container.encode(documentsWithoutKnownTokens, forKey: .documentsWithoutKnownTokens)
    }
    if let abstention, abstention.abstains || abstention.minimumProbability != nil {
      try container.encode(JSONAbstention(abstention), forKey: .abstention)
    }
    var baseline = container.nestedContainer(keyedBy: BaselineKeys.self, forKey: .majorityBaseline)
    try baseline.encode(majorityBaseline.label, forKey: .label)
    try baseline.encodeFinite(majorityBaseline.accuracy, forKey: .accuracy)
    try baseline.encode(majorityBaseline.source, forKey: .source)
    var classes = container.nestedUnkeyedContainer(forKey: .classes)
    for row in metrics.classes {
      var item = classes.nestedContainer(keyedBy: ClassKeys.self)
      try item.encode(row.label, forKey: .label)
      try item.encodeFinite(row.precision, forKey: .precision)
      try item.encodeFinite(row.recall, forKey: .recall)
      try item.encodeFinite(row.f1, forKey: .f1)
      try item.encode(row.support, forKey: .support)
    }
    var matrix = container.nestedContainer(keyedBy: MatrixKeys.self, forKey: .confusionMatrix)
    try matrix.encode(confusion.labels, forKey: .labels)
    try matrix.encode(confusion.knownLabelCount, forKey: .knownLabels)
    if confusion.labels.count <= Self.denseConfusionLabelLimit {
      try matrix.encode(confusion.denseCounts, forKey: .counts)
    }
    let cells = confusion.cells
    var sparse = matrix.nestedContainer(keyedBy: CellKeys.self, forKey: .cells)
    try sparse.encode(cells.map(\.truth), forKey: .truth)
    try sparse.encode(cells.map(\.predicted), forKey: .predicted)
    try sparse.encode(cells.map(\.count), forKey: .count)
    var unseen = container.nestedUnkeyedContainer(forKey: .unseenLabels)
    for (label, examples) in unseenLabels {
      var item = unseen.nestedContainer(keyedBy: UnseenKeys.self)
      try item.encode(label, forKey: .label)
      try item.encode(examples, forKey: .examples)
    }
  }

  /// Rebuilds the task from its confusion matrix and baseline; the written scores are ignored
  /// because they are recomputed.
  ///
  /// - Throws: ``ReportDecodingError/malformedConfusionMatrix(task:problem:)`` when the cells
  ///   fall outside the labels, the dense counts are not square over them, or the two
  ///   disagree, and `DecodingError` for missing fields.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let task = decoder.codingPath.last?.stringValue ?? ""
    let matrix = try container.nestedContainer(keyedBy: MatrixKeys.self, forKey: .confusionMatrix)
    let confusion = try Self.confusion(matrix, task: task)
    self.init(
      name: "", file: try container.decode(String.self, forKey: .file), confusion: confusion)
    let baseline = try container.nestedContainer(
      keyedBy: BaselineKeys.self, forKey: .majorityBaseline)
    majorityBaseline.label = try baseline.decode(String.self, forKey: .label)
    majorityBaseline.accuracy = try baseline.decodeFinite(forKey: .accuracy)
    majorityBaseline.source = try baseline.decode(String.self, forKey: .source)
    if let stored = try container.decodeIfPresent(JSONMultiLabel.self, forKey: .multiLabel) {
      multiLabel = stored.report
      // An initializer does not run `multiLabel`'s didSet.
      metrics = stored.report.metrics
    }
    calibration = try container.decodeIfPresent(CalibrationReport.self, forKey: .calibration)
    documentsWithoutKnownTokens =
      try container.decodeIfPresent(Int.self, forKey: .documentsWithoutKnownTokens) ?? 0
    abstention = try container.decodeIfPresent(JSONAbstention.self, forKey: .abstention)?
      .report
    if container.contains(.selection) {
      let item = try container.nestedContainer(keyedBy: SelectionKeys.self, forKey: .selection)
      let name = try item.decode(String.self, forKey: .metric)
      guard let metric = TaskMetric(name) else {
        throw DecodingError.dataCorruptedError(
          forKey: .metric, in: item, debugDescription: "unknown metric \"\(name)\"")
      }
      selection = (metric, try item.decodeFinite(forKey: .value))
    }
  }

  /// Reads the matrix from its cells, or from its dense counts in a version 1 report, and
  /// checks that the two agree when both are written.
  private static func confusion(
    _ matrix: KeyedDecodingContainer<MatrixKeys>, task: String
  ) throws -> ConfusionMatrix {
    func malformed(_ problem: String) -> ReportDecodingError {
      .malformedConfusionMatrix(task: task, problem: problem)
    }
    let labels = try matrix.decode([String].self, forKey: .labels)
    let knownLabels = try matrix.decode(Int.self, forKey: .knownLabels)
    guard (0...labels.count).contains(knownLabels) else {
      throw malformed("knownLabels \(knownLabels) is outside 0...\(labels.count)")
    }
    guard Set(labels).count == labels.count else { throw malformed("labels repeat") }
    var fromCells: ConfusionMatrix?
    if matrix.contains(.cells) {
      let sparse = try matrix.nestedContainer(keyedBy: CellKeys.self, forKey: .cells)
      let cells = try Self.cells(
        truth: try sparse.decode([Int].self, forKey: .truth),
        predicted: try sparse.decode([Int].self, forKey: .predicted),
        count: try sparse.decode([Int].self, forKey: .count), labels: labels.count,
        malformed: malformed)
      fromCells = ConfusionMatrix(labels: labels, knownLabelCount: knownLabels, cells: cells)
    }
    guard matrix.contains(.counts) else {
      guard let fromCells else { throw malformed("it has neither cells nor counts") }
      return fromCells
    }
    guard labels.count <= Self.decodedCellLimit / max(1, labels.count) else {
      throw malformed("\(labels.count) labels are too many for dense counts; write cells")
    }
    let counts = try matrix.decode([[Int]].self, forKey: .counts)
    guard counts.count == labels.count, counts.allSatisfy({ $0.count == labels.count }) else {
      throw malformed("counts must be \(labels.count) rows of \(labels.count) columns")
    }
    guard counts.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
      throw malformed("counts must not be negative")
    }
    var cells: [ConfusionMatrix.Cell] = []
    for (truth, row) in counts.enumerated() {
      for (predicted, count) in row.enumerated() where count > 0 {
        cells.append(ConfusionMatrix.Cell(truth: truth, predicted: predicted, count: count))
      }
    }
    let dense = ConfusionMatrix(labels: labels, knownLabelCount: knownLabels, cells: cells)
    if let fromCells, fromCells != dense { throw malformed("cells and counts disagree") }
    return dense
  }

  /// The cells of three parallel arrays, checked: equal lengths, indices inside the labels,
  /// positive counts, no cell twice.
  private static func cells(
    truth: [Int], predicted: [Int], count: [Int], labels: Int,
    malformed: (String) -> ReportDecodingError
  ) throws(ReportDecodingError) -> [ConfusionMatrix.Cell] {
    guard truth.count == predicted.count, truth.count == count.count else {
      throw malformed(
        "cells.truth, cells.predicted and cells.count have \(truth.count), "
          + "\(predicted.count) and \(count.count) entries; they must be equal")
    }
    guard truth.count <= Self.decodedCellLimit else {
      throw malformed("more than \(Self.decodedCellLimit) cells")
    }
    var seen = Set<Int>()
    var cells: [ConfusionMatrix.Cell] = []
    cells.reserveCapacity(truth.count)
    for index in truth.indices {
      guard (0..<labels).contains(truth[index]), (0..<labels).contains(predicted[index]) else {
        throw malformed(
          "cell \(index) (\(truth[index]), \(predicted[index])) is outside the \(labels) labels")
      }
      guard count[index] > 0 else {
        throw malformed("cell \(index) has count \(count[index]); cells hold positive counts")
      }
      guard seen.insert(truth[index] * labels + predicted[index]).inserted else {
        throw malformed("cell (\(truth[index]), \(predicted[index])) is listed twice")
      }
      cells.append(
        ConfusionMatrix.Cell(truth: truth[index], predicted: predicted[index], count: count[index]))
    }
    return cells
  }
}
