/// The shared embedding rows of a model, stored densely or compactly.
///
/// Training needs every row of the hashed bucket table in place, so a freshly trained model
/// holds a dense ``Matrix``. Most bucket rows are never trained and stay zero, so a model
/// loaded from a file keeps only the trained rows plus an index from row to position: a
/// 2M-bucket model then loads in a fraction of the memory and time, and its rows sit closer
/// together in cache. Both layouts compare equal when their rows are equal.
public struct EmbeddingTable: Sendable {
  /// The number of rows: vocabulary words, then buckets.
  public let rows: Int
  /// The embedding dimension.
  public let columns: Int
  /// Row values: every row when dense, only stored rows when compact.
  let storage: FloatStorage
  /// For a compact table, each row's position in ``values`` or -1 for a zero row, when
  /// that index costs no more than the stored values themselves.
  private(set) var positions: [Int32]?
  /// For a compact table with far more rows than stored ones, the stored rows in increasing
  /// order, searched instead of ``positions``: a file that declares 2^28 rows and stores a
  /// handful then costs memory in proportion to what it stores, not to what it declares.
  private(set) var sortedRows: [UInt32]?

  /// A dense table over `matrix`, sharing its storage.
  public init(_ matrix: Matrix) {
    rows = matrix.rows
    columns = matrix.columns
    storage = FloatStorage(matrix.storage)
    positions = nil
  }

  /// A dense table over `storage`, which holds `rows × columns` floats.
  init(rows: Int, columns: Int, dense storage: FloatStorage) {
    precondition(storage.count == rows * columns, "one value row per row")
    self.rows = rows
    self.columns = columns
    self.storage = storage
    positions = nil
  }

  /// A compact table: `storedRows` lists the non-zero rows in increasing order, and `values`
  /// holds their values in the same order.
  init(rows: Int, columns: Int, storedRows: [UInt32], values: [Float]) {
    self.init(rows: rows, columns: columns, storedRows: storedRows, storage: FloatStorage(values))
  }

  /// A compact table over `storage`, which holds the stored rows' values in order.
  init(rows: Int, columns: Int, storedRows: [UInt32], storage: FloatStorage) {
    precondition(storage.count == storedRows.count * columns, "one value row per stored row")
    self.rows = rows
    self.columns = columns
    self.storage = storage
    let indexBytes = rows * MemoryLayout<Int32>.stride
    guard indexBytes <= max(storage.count * MemoryLayout<Float>.stride, Self.smallIndexBytes)
    else {
      positions = nil
      sortedRows = storedRows
      return
    }
    var positions = [Int32](repeating: -1, count: rows)
    for (position, row) in storedRows.enumerated() { positions[Int(row)] = Int32(position) }
    self.positions = positions
  }

  /// The size under which a compact table always keeps a direct row index (1 MiB).
  static let smallIndexBytes = 1 << 20

  /// Whether only stored rows are kept.
  public var isCompact: Bool { positions != nil || sortedRows != nil }

  /// The rows that are not all zero, in increasing order.
  ///
  /// A plain loop over the values rather than a filter of closures: a table at the bucket
  /// limit has 2^27 rows, and writing its model scans every one.
  public var storedRows: [Int] {
    let values = storage.base
    let columns = columns
    func isNonZero(_ position: Int) -> Bool {
      let start = values + position * columns
      var column = 0
      while column < columns {
        if start[column] != 0 { return true }
        column += 1
      }
      return false
    }
    var result: [Int] = []
    if let sortedRows {
      for (position, row) in sortedRows.enumerated() where isNonZero(position) {
        result.append(Int(row))
      }
    } else if let positions {
      var row = 0
      while row < rows {
        if positions[row] >= 0 && isNonZero(Int(positions[row])) { result.append(row) }
        row += 1
      }
    } else {
      var row = 0
      while row < rows {
        if isNonZero(row) { result.append(row) }
        row += 1
      }
    }
    return result
  }

  /// Where row `row` starts in ``values``, or nil for a zero row of a compact table.
  @inline(__always)
  func position(of row: Int) -> Int? {
    if let positions {
      let position = positions[row]
      return position < 0 ? nil : Int(position)
    }
    guard let sortedRows else { return row }
    var low = 0
    var high = sortedRows.count
    while low < high {
      let middle = (low + high) / 2
      if Int(sortedRows[middle]) < row { low = middle + 1 } else { high = middle }
    }
    return low < sortedRows.count && Int(sortedRows[low]) == row ? low : nil
  }

  /// Whether row `row` holds anything: stored, and not all zero. Rows no training feature
  /// used stay zero, such as the bucket of a bigram of two words never seen.
  @inline(__always)
  func isTrained(_ row: Int) -> Bool {
    guard let position = position(of: row) else { return false }
    let values = storage.base + position * columns
    for column in 0..<columns where values[column] != 0 { return true }
    return false
  }

  /// The values of row `row` (zeros for a row not stored).
  public func row(_ row: Int) -> [Float] {
    precondition(row >= 0 && row < rows, "row \(row) is out of bounds")
    guard let position = position(of: row) else { return Array(repeating: 0, count: columns) }
    return Array(storage.buffer[(position * columns)..<((position + 1) * columns)])
  }

  /// Writes the mean of the selected rows into `output`: a document's vector. Rows not stored
  /// are zero but still count in the mean, exactly as in the dense table.
  ///
  /// The rows are scattered over a table larger than the cache, so fetching them is most of
  /// the cost. The sum therefore runs one 64-byte block of columns at a time over every row:
  /// the first block's loads do not wait on one another, so the rows' cache misses overlap
  /// instead of coming one row after another. Each column still adds the rows in order, so
  /// the floats are the same as a row-by-row sum.
  public func averageRows(
    _ ids: UnsafeBufferPointer<Int32>, into output: UnsafeMutablePointer<Float>
  ) {
    output.update(repeating: 0, count: columns)
    guard !ids.isEmpty else { return }
    let columns = columns
    withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: ids.count) { rows in
      let stored = storedRows(of: ids, into: rows)
      var start = 0
      while start < columns {
        let width = min(Self.columnBlock, columns - start)
        for index in 0..<stored {
          RowKernels.add(rows[index] + start, scale: 1, to: output + start, count: width)
        }
        start += width
      }
    }
    RowKernels.scale(output, by: 1 / Float(ids.count), count: columns)
  }

  /// The columns summed over every row at a time: 16 floats, one cache line.
  static let columnBlock = 16

  /// Writes where each stored row of `ids` starts into `rows`, in order, and returns how
  /// many there are. The direct index is read without a branch on what it holds, so a
  /// missing row mispredicts nothing and the index's cache misses overlap too.
  private func storedRows(
    of ids: UnsafeBufferPointer<Int32>, into rows: UnsafeMutableBufferPointer<UnsafePointer<Float>>
  ) -> Int {
    let values = storage.base
    let columns = columns
    var stored = 0
    guard let positions else {
      for id in ids {
        assert(id >= 0 && Int(id) < self.rows, "row \(id) is out of bounds")
        guard let position = position(of: Int(id)) else { continue }
        rows[stored] = UnsafePointer(values + position * columns)
        stored += 1
      }
      return stored
    }
    positions.withUnsafeBufferPointer { positions in
      for id in ids {
        let position = positions[Int(id)]
        rows[stored] = UnsafePointer(values + Int(max(position, 0)) * columns)
        stored += position < 0 ? 0 : 1
      }
    }
    return stored
  }
}

extension EmbeddingTable: Equatable {
  /// Equal when every row is equal, whatever the layouts.
  public static func == (left: EmbeddingTable, right: EmbeddingTable) -> Bool {
    guard left.rows == right.rows, left.columns == right.columns else { return false }
    if !left.isCompact && !right.isCompact {
      return left.storage.buffer.elementsEqual(right.storage.buffer)
    }
    for row in 0..<left.rows {
      let leftPosition = left.position(of: row)
      let rightPosition = right.position(of: row)
      for column in 0..<left.columns {
        let leftValue = leftPosition.map { left.storage.base[$0 * left.columns + column] } ?? 0
        let rightValue = rightPosition.map { right.storage.base[$0 * right.columns + column] } ?? 0
        if leftValue != rightValue { return false }
      }
    }
    return true
  }
}
