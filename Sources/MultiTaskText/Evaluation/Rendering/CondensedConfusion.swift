/// A confusion matrix cut down to what fits on a screen or a page.
///
/// With many classes, a full matrix is a wall of zeros. This keeps the `limit` classes with the
/// most errors, made or received (ties broken by support, then label order), shows them in the model's label order, and folds
/// every other class into one "other" row and column, so the totals still add up.
///
/// Columns hold only labels the model can predict: a label seen only in the test data is a row
/// (its examples are always wrong) but never a column, which would be all zeros.
struct CondensedConfusion {
  /// One row or column: a class of the matrix, or the bucket of hidden classes.
  enum Axis: Equatable {
    case label(index: Int, name: String)
    case other(classes: Int)

    /// The label index, or nil for the bucket.
    var index: Int? {
      if case .label(let index, _) = self { return index }
      return nil
    }

    /// The full label, or a description of the bucket.
    var name: String {
      switch self {
      case .label(_, let name): return name
      case .other(let classes): return "other (\(classes) classes)"
      }
    }
  }

  /// Truth classes, top to bottom.
  let rows: [Axis]
  /// Predicted classes, left to right.
  let columns: [Axis]
  /// `counts[row][column]`.
  let counts: [[Int]]
  /// How many classes fell into the "other" bucket.
  let hiddenClassCount: Int

  /// Condenses `matrix` to at most `limit` named classes.
  ///
  /// Reads only the matrix's totals and non-zero cells, so condensing 20,000 labels costs
  /// what the labels and the cells cost, never their square.
  init(_ matrix: ConfusionMatrix, limit: Int) {
    let size = matrix.labels.count
    // A class's error mass: the documents it got wrong plus those wrongly given it. Keeping
    // the classes with the most errors keeps the biggest mistakes visible; keeping the
    // largest classes hid a small class that absorbed everyone's errors.
    let errors = (0..<size).map { label in
      matrix.rowTotals[label] + matrix.columnTotals[label] - 2 * matrix.correct(label)
    }
    let support = matrix.rowTotals
    var kept = [Bool](repeating: true, count: size)
    if size > limit {
      kept = [Bool](repeating: false, count: size)
      let ranked = (0..<size).sorted {
        if errors[$0] != errors[$1] { return errors[$0] > errors[$1] }
        if support[$0] != support[$1] { return support[$0] > support[$1] }
        return $0 < $1
      }
      for label in ranked.prefix(max(0, limit)) { kept[label] = true }
    }
    let keptOrdered = (0..<size).filter { kept[$0] }
    hiddenClassCount = size - keptOrdered.count
    var rows = keptOrdered.map { Axis.label(index: $0, name: matrix.labels[$0]) }
    let predictable = keptOrdered.filter { $0 < matrix.knownLabelCount }
    var columns = predictable.map { Axis.label(index: $0, name: matrix.labels[$0]) }
    let hiddenKnownCount = (0..<matrix.knownLabelCount).count { !kept[$0] }
    if hiddenClassCount > 0 { rows.append(.other(classes: hiddenClassCount)) }
    if hiddenKnownCount > 0 { columns.append(.other(classes: hiddenKnownCount)) }
    // Each label's row and column in the condensed grid; hidden labels share "other".
    var rowOf = [Int](repeating: rows.count - 1, count: size)
    for (row, label) in keptOrdered.enumerated() { rowOf[label] = row }
    // A prediction of a test-only label (which no model makes) has no column, as before.
    var columnOf = [Int](repeating: -1, count: size)
    let otherColumn = hiddenKnownCount > 0 ? columns.count - 1 : -1
    for label in 0..<matrix.knownLabelCount where !kept[label] { columnOf[label] = otherColumn }
    for (column, label) in predictable.enumerated() { columnOf[label] = column }
    var counts = [[Int]](
      repeating: [Int](repeating: 0, count: columns.count), count: rows.count)
    for truth in 0..<size where matrix.rowTotals[truth] > 0 {
      for cell in matrix.row(truth) where columnOf[cell.predicted] >= 0 {
        counts[rowOf[truth]][columnOf[cell.predicted]] += cell.count
      }
    }
    self.counts = counts
    self.rows = rows
    self.columns = columns
  }

  /// True when the cell counts correct predictions.
  func isDiagonal(row: Int, column: Int) -> Bool {
    guard let truth = rows[row].index, let predicted = columns[column].index else { return false }
    return truth == predicted
  }

  /// The examples in each row.
  var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
}
