/// Counts of (true label, predicted label) pairs for one task, stored sparsely.
///
/// Labels are the model's labels followed by any label that appears only in the test data,
/// so an unseen test label is counted (always wrong) instead of crashing the evaluation.
///
/// Only the non-zero cells are kept, one dictionary per true label, beside each label's row
/// and column totals: memory grows with the labels plus the distinct (truth, prediction)
/// pairs seen, never with the square of the labels. A 20,000-label task evaluated on 50,000
/// documents holds at most 50,000 cells, where a dense matrix would hold 400 million.
public struct ConfusionMatrix: Sendable, Equatable {
  /// One non-zero cell: `count` documents of label `truth` were predicted as `predicted`.
  public struct Cell: Sendable, Equatable, Hashable {
    /// The true label's index in ``ConfusionMatrix/labels``.
    public var truth: Int
    /// The predicted label's index in ``ConfusionMatrix/labels``.
    public var predicted: Int
    /// How many documents; always positive in a matrix's ``ConfusionMatrix/cells``.
    public var count: Int

    /// Creates a cell.
    ///
    /// - Parameters:
    ///   - truth: The true label's index.
    ///   - predicted: The predicted label's index.
    ///   - count: How many documents.
    public init(truth: Int, predicted: Int, count: Int) {
      self.truth = truth
      self.predicted = predicted
      self.count = count
    }
  }

  /// Label names: the model's, then test-only ones.
  public private(set) var labels: [String]
  /// How many labels the model knows; the rest were never seen in training.
  public let knownLabelCount: Int
  /// Per true label: documents carrying it (its support).
  public private(set) var rowTotals: [Int]
  /// Per label: documents predicted as it.
  public private(set) var columnTotals: [Int]
  /// The number of recorded examples.
  public private(set) var total = 0
  /// `rows[truth][predicted]`, non-zero cells only.
  private var rows: [[Int: Int]]
  /// Where each label sits in ``labels``, so recording by name does not scan the labels.
  private var indexByLabel: [String: Int]

  /// Creates an empty matrix over the model's labels.
  public init(labels: [String]) { self.init(empty: labels, knownLabelCount: labels.count) }

  /// Creates a matrix from its non-zero cells, as a report stores them.
  ///
  /// - Parameters:
  ///   - labels: The model's labels, then test-only ones; distinct.
  ///   - knownLabelCount: How many of `labels` the model knows, in `0...labels.count`.
  ///   - cells: Cells with indices inside `labels`; counts of the same cell add up.
  /// - Precondition: The indices are inside `labels` and the counts are not negative;
  ///   callers reading untrusted input check first, as reading a report does.
  public init(labels: [String], knownLabelCount: Int, cells: some Sequence<Cell>) {
    precondition((0...labels.count).contains(knownLabelCount), "knownLabelCount out of range")
    self.init(empty: labels, knownLabelCount: knownLabelCount)
    for cell in cells {
      precondition(labels.indices.contains(cell.truth), "cell truth out of range")
      precondition(labels.indices.contains(cell.predicted), "cell prediction out of range")
      precondition(cell.count >= 0, "negative cell count")
      add(cell.count, truth: cell.truth, predicted: cell.predicted)
    }
  }

  private init(empty labels: [String], knownLabelCount: Int) {
    self.labels = labels
    self.knownLabelCount = knownLabelCount
    rowTotals = Array(repeating: 0, count: labels.count)
    columnTotals = rowTotals
    rows = Array(repeating: [:], count: labels.count)
    indexByLabel = Dictionary(
      labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Records one example. `truth` may be a label the model never saw.
  public mutating func record(truth: String, predicted: Int) {
    let truthIndex = indexByLabel[truth] ?? addLabel(truth)
    add(1, truth: truthIndex, predicted: predicted)
  }

  /// Records one example by label index.
  public mutating func record(truthIndex: Int, predicted: Int) {
    add(1, truth: truthIndex, predicted: predicted)
  }

  private mutating func add(_ count: Int, truth: Int, predicted: Int) {
    guard count > 0 else { return }
    rows[truth][predicted, default: 0] += count
    rowTotals[truth] += count
    columnTotals[predicted] += count
    total += count
  }

  private mutating func addLabel(_ label: String) -> Int {
    labels.append(label)
    rows.append([:])
    rowTotals.append(0)
    columnTotals.append(0)
    indexByLabel[label] = labels.count - 1
    return labels.count - 1
  }

  /// How many documents of label `truth` were predicted as `predicted`.
  public func count(truth: Int, predicted: Int) -> Int { rows[truth][predicted] ?? 0 }

  /// The documents of label `label` predicted right: the matrix's diagonal.
  public func correct(_ label: Int) -> Int { rows[label][label] ?? 0 }

  /// The non-zero cells of row `truth`, by predicted label.
  public func row(_ truth: Int) -> [Cell] {
    rows[truth].map { Cell(truth: truth, predicted: $0.key, count: $0.value) }
      .sorted { $0.predicted < $1.predicted }
  }

  /// The number of non-zero cells.
  public var nonZeroCellCount: Int { rows.reduce(0) { $0 + $1.count } }

  /// Every non-zero cell, row by row and, within a row, by predicted label: the order a
  /// report writes them in, so two runs of the same evaluation write the same bytes.
  public var cells: [Cell] { labels.indices.flatMap(row) }

  /// The matrix as `counts[truth][predicted]`, every zero included: `labels.count`² numbers,
  /// so meant for small matrices (a report writes it up to
  /// `TaskReport.denseConfusionLabelLimit` labels).
  public var denseCounts: [[Int]] {
    var dense = Array(
      repeating: Array(repeating: 0, count: labels.count), count: labels.count)
    for (truth, row) in rows.enumerated() {
      for (predicted, count) in row { dense[truth][predicted] = count }
    }
    return dense
  }

  /// Labels in the test data that the model never saw in training.
  public var unseenLabels: [String] { Array(labels[knownLabelCount...]) }

  /// The largest off-diagonal cells, most frequent first, ties by true then predicted label:
  /// the mistakes worth reading first.
  ///
  /// - Parameter limit: The most cells returned.
  public func topConfusions(limit: Int) -> [Cell] {
    var mistakes: [Cell] = []
    for (truth, row) in rows.enumerated() {
      for (predicted, count) in row where predicted != truth {
        mistakes.append(Cell(truth: truth, predicted: predicted, count: count))
      }
    }
    return Array(
      mistakes.sorted {
        $0.count != $1.count
          ? $0.count > $1.count : ($0.truth, $0.predicted) < ($1.truth, $1.predicted)
      }.prefix(max(0, limit)))
  }
}
