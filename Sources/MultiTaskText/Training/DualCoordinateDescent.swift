/// One label's L2-regularized squared-hinge linear classifier, one versus the rest, fitted by
/// dual coordinate descent (Hsieh, Chang, Lin, Keerthi and Sundararajan, ICML 2008: the
/// method of LIBLINEAR's solver 1, which scikit-learn's `LinearSVC` runs).
///
/// The dual has one variable per document, bounded below by 0 only; each step solves one of
/// them exactly and moves the weights by the change, so a pass costs one sweep over the
/// documents' entries. The bias is a column of constant 1, regularized like the others, as
/// LIBLINEAR's `-B 1` and `LinearSVC`'s intercept do. Passes visit the documents in an order
/// drawn from the caller's seeded stream, and stop when the projected gradient's spread falls
/// under ``tolerance`` (LIBLINEAR's default 0.1) or after ``maximumPasses``. A fit continues
/// from the duals and weights it is given, so a grid of costs in increasing order starts
/// each from the last (the duals stay feasible), as LIBLINEAR's warm start does.
struct DualCoordinateDescent {
  /// The documents.
  let rows: SparseRows
  /// Each row's squared length plus the bias column's 1: the dual's diagonal without the
  /// cost's term.
  private let squaredNorms: [Float]
  /// The most passes over the documents per fit.
  var maximumPasses = 40
  /// The spread of the projected gradient at which a fit stops.
  var tolerance: Float = 0.1

  /// Prepares fits over `rows`.
  init(rows: SparseRows) {
    self.rows = rows
    squaredNorms = (0..<rows.count).map { row in
      rows.range(of: row).reduce(Float(1)) { $0 + rows.values[$1] * rows.values[$1] }
    }
  }

  /// Fits label `label` at cost `cost`, continuing from `duals` (one per document) and
  /// `weights` (one per column, then the bias).
  ///
  /// - Returns: The passes it took.
  @discardableResult
  func fit(
    label: Int32, cost: Float, duals: inout [Float], weights: inout [Float],
    generator: inout SplitMix64
  ) -> Int {
    let diagonal = 1 / (2 * cost)
    var order = Array(0..<rows.count)
    var passes = 0
    weights.withUnsafeMutableBufferPointer { weights in
      while passes < maximumPasses {
        passes += 1
        generator.shuffle(&order)
        var largest = -Float.infinity
        var smallest = Float.infinity
        for row in order {
          let sign: Float = rows.labels[row] == label ? 1 : -1
          let gradient =
            sign * rows.dot(row, UnsafeBufferPointer(weights)) - 1 + diagonal * duals[row]
          let projected = duals[row] == 0 ? min(gradient, 0) : gradient
          largest = max(largest, projected)
          smallest = min(smallest, projected)
          guard abs(projected) > 1e-12 else { continue }
          let previous = duals[row]
          duals[row] = max(previous - gradient / (squaredNorms[row] + diagonal), 0)
          let step = (duals[row] - previous) * sign
          for entry in rows.range(of: row) {
            weights[Int(rows.columns[entry])] += step * rows.values[entry]
          }
          weights[weights.count - 1] += step
        }
        if largest - smallest <= tolerance { break }
      }
    }
    return passes
  }
}
