/// A hash table from embedding rows to a sparse linear path's columns.
///
/// A linear path knows its features as an ascending array; finding a document's features in
/// it by binary search took about 18 dependent, cache-missing steps each, and was a third of
/// `mtl predict`'s time on ag_news. Open addressing with linear probing in a table at most
/// half full finds a feature in one or two probes. The table is built when the path is made
/// (about 8 bytes per slot, twice the features), never stored in the model file, and answers
/// exactly what the binary search answered.
struct ColumnLookup: Sendable, Equatable {
  /// The row held by each slot; `empty` where none is.
  private let rows: [Int32]
  /// The column of the row in the same slot.
  private let columns: [Int32]
  /// The slot count minus one; the count is a power of two.
  private let mask: Int

  /// Marks a free slot: embedding rows are never negative.
  private static let empty: Int32 = -1

  /// Builds the table of `features`, whose positions are their columns.
  ///
  /// - Parameter features: Distinct, non-negative embedding rows.
  init(features: [Int32]) {
    var slots = 16
    while slots < 2 * features.count { slots *= 2 }
    var rows = [Int32](repeating: Self.empty, count: slots)
    var columns = [Int32](repeating: 0, count: slots)
    let mask = slots - 1
    for (column, feature) in features.enumerated() {
      var slot = Self.slot(of: feature, mask: mask)
      while rows[slot] != Self.empty { slot = (slot + 1) & mask }
      rows[slot] = feature
      columns[slot] = Int32(column)
    }
    self.rows = rows
    self.columns = columns
    self.mask = mask
  }

  /// The column of `feature`, or nil when the table does not hold it.
  @inline(__always)
  func column(of feature: Int32) -> Int32? {
    rows.withUnsafeBufferPointer { rows in
      var slot = Self.slot(of: feature, mask: mask)
      while true {
        let held = rows[slot]
        if held == feature { return columns.withUnsafeBufferPointer { $0[slot] } }
        if held == Self.empty { return nil }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The first slot to probe: Fibonacci hashing, since rows of one kind (words, buckets)
  /// are dense runs of integers that would otherwise crowd neighbouring slots.
  @inline(__always)
  private static func slot(of feature: Int32, mask: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: feature)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
      & mask
  }
}
