import Testing

@testable import MultiTaskText

struct EmbeddingTableTests {
  /// A matrix where some rows are all zero, as untrained buckets are.
  static func matrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    var storage = [Float](repeating: 0, count: rows * columns)
    for row in 0..<rows where generator.next() % 3 != 0 {
      for column in 0..<columns {
        storage[row * columns + column] = generator.nextUnitFloat() - 0.5
      }
    }
    return Matrix(rows: rows, columns: columns, storage: storage)
  }

  static func compact(_ matrix: Matrix) -> EmbeddingTable {
    let dense = EmbeddingTable(matrix)
    let stored = dense.storedRows
    return EmbeddingTable(
      rows: matrix.rows, columns: matrix.columns, storedRows: stored.map { UInt32($0) },
      values: stored.flatMap { dense.row($0) })
  }

  @Test(arguments: [1, 7, 8, 9, 16, 50])
  func denseAndCompactAveragesMatchANaiveLoop(_ columns: Int) {
    let matrix = Self.matrix(rows: 40, columns: columns, seed: UInt64(columns))
    let dense = EmbeddingTable(matrix)
    let compact = Self.compact(matrix)
    #expect(compact.isCompact && !dense.isCompact)
    #expect(compact == dense)
    let ids: [Int32] = [0, 3, 3, 17, 39, 22, 5]
    var naive = [Float](repeating: 0, count: columns)
    for id in ids {
      for column in 0..<columns { naive[column] += matrix[Int(id), column] }
    }
    naive = naive.map { $0 / Float(ids.count) }
    for table in [dense, compact] {
      var output = [Float](repeating: .nan, count: columns)
      ids.withUnsafeBufferPointer { ids in
        output.withUnsafeMutableBufferPointer { table.averageRows(ids, into: $0.baseAddress!) }
      }
      for (actual, expected) in zip(output, naive) { #expect(abs(actual - expected) < 1e-6) }
    }
  }

  @Test func anEmptyDocumentAveragesToZero() {
    let table = Self.compact(Self.matrix(rows: 10, columns: 4, seed: 3))
    var output: [Float] = [1, 2, 3, 4]
    [Int32]().withUnsafeBufferPointer { ids in
      output.withUnsafeMutableBufferPointer { table.averageRows(ids, into: $0.baseAddress!) }
    }
    #expect(output == [0, 0, 0, 0])
  }

  @Test func tablesWithDifferentRowsAreNotEqual() {
    let matrix = Self.matrix(rows: 12, columns: 3, seed: 9)
    var changed = matrix
    changed[11, 2] += 1
    #expect(Self.compact(matrix) != EmbeddingTable(changed))
    #expect(EmbeddingTable(matrix) != EmbeddingTable(changed))
  }
}
