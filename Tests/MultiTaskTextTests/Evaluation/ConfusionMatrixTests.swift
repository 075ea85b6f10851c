import Testing

@testable import MultiTaskText

/// The sparse confusion matrix against a naive dense one: the same counts, totals, cells,
/// metrics, top confusions and condensed views.
struct ConfusionMatrixTests {
  /// A dense matrix kept beside the sparse one: the reference every figure is checked on.
  struct DenseReference {
    var labels: [String]
    var counts: [[Int]]

    init(labels: [String]) {
      self.labels = labels
      counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
    }

    mutating func record(truth: String, predicted: Int) {
      var index = labels.firstIndex(of: truth) ?? -1
      if index < 0 {
        labels.append(truth)
        for row in counts.indices { counts[row].append(0) }
        counts.append(Array(repeating: 0, count: labels.count))
        index = labels.count - 1
      }
      counts[index][predicted] += 1
    }

    func support(_ label: Int) -> Int { counts[label].reduce(0, +) }
    func predicted(_ label: Int) -> Int { counts.reduce(0) { $0 + $1[label] } }
  }

  /// Seven model labels and two test-only ones, with a label never predicted and one never
  /// in the test data.
  static func randomPair(seed: UInt64) -> (ConfusionMatrix, DenseReference) {
    let labels = (0..<7).map { "label\($0)" }
    var sparse = ConfusionMatrix(labels: labels)
    var dense = DenseReference(labels: labels)
    var random = SplitMix64(seed: seed)
    for _ in 0..<400 {
      let draw = Int(random.next() % 100)
      let truth = draw < 4 ? "unseen\(draw % 2)" : labels[draw % 6]
      let predicted = Int(random.next() % 10) < 6 ? (labels.firstIndex(of: truth) ?? 0) : draw % 5
      sparse.record(truth: truth, predicted: predicted)
      dense.record(truth: truth, predicted: predicted)
    }
    return (sparse, dense)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func countsTotalsAndCellsMatchADenseMatrix(seed: UInt64) {
    let (sparse, dense) = Self.randomPair(seed: seed)
    #expect(sparse.labels == dense.labels)
    #expect(sparse.knownLabelCount == 7)
    #expect(sparse.denseCounts == dense.counts)
    #expect(sparse.rowTotals == dense.labels.indices.map(dense.support))
    #expect(sparse.columnTotals == dense.labels.indices.map(dense.predicted))
    #expect(sparse.total == 400)
    var cells: [ConfusionMatrix.Cell] = []
    for (truth, row) in dense.counts.enumerated() {
      for (predicted, count) in row.enumerated() where count > 0 {
        cells.append(.init(truth: truth, predicted: predicted, count: count))
      }
    }
    #expect(sparse.cells == cells)
    #expect(sparse.nonZeroCellCount == cells.count)
    let rebuilt = ConfusionMatrix(labels: sparse.labels, knownLabelCount: 7, cells: cells)
    #expect(rebuilt == sparse)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func metricsMatchTheDenseFormulas(seed: UInt64) {
    let (sparse, dense) = Self.randomPair(seed: seed)
    let metrics = TaskMetrics(sparse)
    var macro: [Double] = []
    for label in dense.labels.indices {
      let hits = Double(dense.counts[label][label])
      let precision = dense.predicted(label) > 0 ? hits / Double(dense.predicted(label)) : 0
      let recall = dense.support(label) > 0 ? hits / Double(dense.support(label)) : 0
      let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
      let row = metrics.classes[label]
      #expect(row.precision == precision && row.recall == recall && row.f1 == f1)
      #expect(row.support == dense.support(label))
      if dense.support(label) > 0 || dense.predicted(label) > 0 { macro.append(f1) }
    }
    #expect(abs(metrics.macroF1 - macro.reduce(0, +) / Double(macro.count)) < 1e-12)
    let correct = dense.labels.indices.reduce(0) { $0 + dense.counts[$1][$1] }
    #expect(metrics.accuracy == Double(correct) / 400)

    // The selection metrics, against the dense form dev scoring uses.
    let known = sparse.knownLabelCount
    let labelSet = LabelSet(Array(sparse.labels.prefix(known)))
    let counts = dense.counts.prefix(known).map { Array($0.prefix(known)) }
    let unseen = (0..<known).map { column in
      dense.counts.dropFirst(known).reduce(0) { $0 + $1[column] }
    }
    let selections: [TaskMetric] = [
      .accuracy, .macroF1, .macroRecall, .f1(label: "label2"), .f1(label: "missing"),
      .f1Average(labels: ["label0", "label6"]),
    ]
    for metric in selections {
      let expected = metric.value(counts: counts, unseen: unseen, labels: labelSet)
      #expect(abs(metric.value(confusion: sparse, labels: labelSet) - expected) < 1e-12)
    }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func topConfusionsAreTheLargestOffDiagonalCells(seed: UInt64) {
    let (sparse, dense) = Self.randomPair(seed: seed)
    var mistakes: [ConfusionMatrix.Cell] = []
    for (truth, row) in dense.counts.enumerated() {
      for (predicted, count) in row.enumerated() where count > 0 && predicted != truth {
        mistakes.append(.init(truth: truth, predicted: predicted, count: count))
      }
    }
    mistakes.sort {
      $0.count != $1.count
        ? $0.count > $1.count : ($0.truth, $0.predicted) < ($1.truth, $1.predicted)
    }
    #expect(sparse.topConfusions(limit: 5) == Array(mistakes.prefix(5)))
    #expect(sparse.topConfusions(limit: 1000) == mistakes)
  }

  /// The condensed view, computed from the sparse cells, equals condensing the dense matrix
  /// by hand: the kept classes by error mass, everything else summed into "other".
  @Test(arguments: [(1, 3), (2, 4), (3, 20), (1, 0)] as [(UInt64, Int)])
  func condensingMatchesADenseCondensation(seed: UInt64, limit: Int) {
    let (sparse, dense) = Self.randomPair(seed: seed)
    let condensed = CondensedConfusion(sparse, limit: limit)
    let size = dense.labels.count
    let errors = (0..<size).map {
      dense.support($0) + dense.predicted($0) - 2 * dense.counts[$0][$0]
    }
    let ranked = (0..<size).sorted {
      errors[$0] != errors[$1]
        ? errors[$0] > errors[$1]
        : (dense.support($0) != dense.support($1)
          ? dense.support($0) > dense.support($1) : $0 < $1)
    }
    let kept = Set(size > limit ? Array(ranked.prefix(limit)) : Array(0..<size))
    let rowMembers =
      (0..<size).filter { kept.contains($0) }.map { [$0] }
      + (kept.count < size ? [(0..<size).filter { !kept.contains($0) }] : [])
    let known = sparse.knownLabelCount
    let hiddenKnown = (0..<known).filter { !kept.contains($0) }
    let columnMembers =
      (0..<known).filter { kept.contains($0) }.map { [$0] }
      + (hiddenKnown.isEmpty ? [] : [hiddenKnown])
    let expected = rowMembers.map { truths in
      columnMembers.map { predictions in
        truths.reduce(0) { sum, truth in
          sum + predictions.reduce(0) { $0 + dense.counts[truth][$1] }
        }
      }
    }
    #expect(condensed.counts == expected)
    #expect(condensed.hiddenClassCount == size - kept.count)
    #expect(condensed.rowTotals.reduce(0, +) == 400)
  }
}
