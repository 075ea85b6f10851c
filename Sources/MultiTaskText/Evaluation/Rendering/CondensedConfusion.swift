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
  init(_ matrix: ConfusionMatrix, limit: Int) {
    let size = matrix.labels.count
    // A class's error mass: the documents it got wrong plus those wrongly given it. Keeping
    // the classes with the most errors keeps the biggest mistakes visible; keeping the
    // largest classes hid a small class that absorbed everyone's errors.
    let errors = (0..<size).map { label in
      let row = matrix.counts[label].reduce(0, +) - matrix.counts[label][label]
      let column =
        (0..<size).reduce(0) { $0 + matrix.counts[$1][label] } - matrix.counts[label][label]
      return row + column
    }
    let support = matrix.counts.map { $0.reduce(0, +) }
    var kept = Set(0..<size)
    if size > limit {
      let ranked = (0..<size).sorted {
        if errors[$0] != errors[$1] { return errors[$0] > errors[$1] }
        if support[$0] != support[$1] { return support[$0] > support[$1] }
        return $0 < $1
      }
      kept = Set(ranked.prefix(max(0, limit)))
    }
    hiddenClassCount = size - kept.count
    let keptOrdered = (0..<size).filter { kept.contains($0) }
    var rows = keptOrdered.map { Axis.label(index: $0, name: matrix.labels[$0]) }
    let predictable = keptOrdered.filter { $0 < matrix.knownLabelCount }
    var columns = predictable.map { Axis.label(index: $0, name: matrix.labels[$0]) }
    let hiddenKnown = (0..<matrix.knownLabelCount).filter { !kept.contains($0) }
    if hiddenClassCount > 0 { rows.append(.other(classes: hiddenClassCount)) }
    if !hiddenKnown.isEmpty { columns.append(.other(classes: hiddenKnown.count)) }
    let rowMembers = rows.map { axis in
      axis.index.map { [$0] } ?? (0..<size).filter { !kept.contains($0) }
    }
    let columnMembers = columns.map { axis in axis.index.map { [$0] } ?? hiddenKnown }
    counts = rowMembers.map { truths in
      columnMembers.map { predictions in
        truths.reduce(0) { sum, truth in
          sum + predictions.reduce(0) { $0 + matrix.counts[truth][$1] }
        }
      }
    }
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
