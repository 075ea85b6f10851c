/// Documents as sparse rows of TF-IDF weights (compressed sparse rows): what the linear
/// path's solver and its dev scoring read.
///
/// Built once per task after the embedding bag is trained, from the trainer's packed feature
/// ids, so the solver's passes walk flat arrays and never sort or look anything up.
struct SparseRows {
  /// Every row's columns, ascending within a row, rows laid end to end.
  private(set) var columns: [Int32] = []
  /// The weight of each entry of ``columns``.
  private(set) var values: [Float] = []
  /// Row `i` spans `offsets[i]..<offsets[i + 1]`.
  private(set) var offsets: [Int] = [0]
  /// Each row's label, -1 for one the training data lacks (always wrong on dev).
  private(set) var labels: [Int32] = []

  /// The number of rows.
  var count: Int { labels.count }

  /// Appends the document `buffers` holds, weighed, with its label.
  mutating func append(_ buffers: TermBuffers, label: Int32) {
    columns.append(contentsOf: buffers.columns)
    values.append(contentsOf: buffers.values)
    offsets.append(columns.count)
    labels.append(label)
  }

  /// Row `row`'s entries.
  func range(of row: Int) -> Range<Int> { offsets[row]..<offsets[row + 1] }

  /// Row `row` times `weights` (one weight per column, then the bias last).
  @inline(__always)
  func dot(_ row: Int, _ weights: UnsafeBufferPointer<Float>) -> Float {
    var sum = weights[weights.count - 1]
    for entry in range(of: row) { sum += values[entry] * weights[Int(columns[entry])] }
    return sum
  }
}
