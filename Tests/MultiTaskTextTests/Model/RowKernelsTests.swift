import Testing

@testable import MultiTaskText

/// Every kernel the trainer and the predictor run, against a naive loop, for dimensions
/// around the SIMD width.
@Suite struct RowKernelsTests {
  static let dimensions = [1, 7, 8, 9, 16, 17, 50, 100]

  static func randomMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    return Matrix(rows: rows, columns: columns, uniformBound: 1, using: &generator)
  }

  static func randomVector(count: Int, seed: UInt64) -> [Float] {
    var generator = SplitMix64(seed: seed, stream: 99)
    return (0..<count).map { _ in generator.nextUnitFloat() * 2 - 1 }
  }

  static func close(_ left: [Float], _ right: [Float], tolerance: Float = 1e-5) -> Bool {
    left.count == right.count
      && zip(left, right).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
  }

  @Test(arguments: dimensions)
  func dotMatchesNaiveDot(dimension: Int) {
    let left = Self.randomVector(count: dimension, seed: 1)
    let right = Self.randomVector(count: dimension, seed: 2)
    let expected = zip(left, right).map { $0 * $1 }.reduce(0, +)
    #expect(Self.close([RowKernels.dot(left, right, count: dimension)], [expected]))
  }

  @Test(arguments: dimensions)
  func addAndScaleMatchNaiveLoops(dimension: Int) {
    let source = Self.randomVector(count: dimension, seed: 3)
    var target = Self.randomVector(count: dimension, seed: 4)
    let before = target
    RowKernels.add(source, scale: -0.5, to: &target, count: dimension)
    #expect(Self.close(target, zip(before, source).map { $0 - 0.5 * $1 }))
    let added = target
    RowKernels.scale(&target, by: 3, count: dimension)
    #expect(Self.close(target, added.map { 3 * $0 }))
  }

  @Test(arguments: dimensions)
  func averageRowsMatchesNaiveMean(dimension: Int) {
    let matrix = Self.randomMatrix(rows: 12, columns: dimension, seed: 5)
    let ids: [Int32] = [3, 0, 11, 3, 7]
    var output = [Float](repeating: .nan, count: dimension)
    ids.withUnsafeBufferPointer { ids in
      RowKernels.averageRows(ids, of: matrix.storage, columns: dimension, into: &output)
    }
    let expected = (0..<dimension).map { column in
      ids.map { matrix[Int($0), column] }.reduce(0, +) / Float(ids.count)
    }
    #expect(Self.close(output, expected))
  }

  @Test func averageOfNoRowsIsZero() {
    let matrix = Self.randomMatrix(rows: 3, columns: 5, seed: 6)
    var output = [Float](repeating: .nan, count: 5)
    [Int32]().withUnsafeBufferPointer { ids in
      RowKernels.averageRows(ids, of: matrix.storage, columns: 5, into: &output)
    }
    #expect(output == [0, 0, 0, 0, 0])
  }

  @Test(arguments: dimensions)
  func addToRowsUpdatesRepeatedRowsTwice(dimension: Int) {
    let before = Self.randomMatrix(rows: 5, columns: dimension, seed: 7)
    var storage = before.storage
    let vector = Self.randomVector(count: dimension, seed: 8)
    let ids: [Int32] = [4, 1, 4]
    ids.withUnsafeBufferPointer { ids in
      storage.withUnsafeMutableBufferPointer { rows in
        guard let base = rows.baseAddress else { return }
        RowKernels.addToRows(vector, rows: ids, of: base, columns: dimension)
      }
    }
    let after = Matrix(rows: 5, columns: dimension, storage: storage)
    for row in 0..<5 {
      let times = Float(ids.filter { Int($0) == row }.count)
      let expected = (0..<dimension).map { before[row, $0] + times * vector[$0] }
      #expect(Self.close(Array(after.row(row)), expected))
    }
  }

  @Test(arguments: dimensions)
  func multiplyMatchesNaiveProduct(dimension: Int) {
    let matrix = Self.randomMatrix(rows: 6, columns: dimension, seed: 9)
    let vector = Self.randomVector(count: dimension, seed: 10)
    var raw = [Float](repeating: .nan, count: 6)
    RowKernels.multiply(
      rows: matrix.storage, rowCount: 6, columns: dimension, by: vector, into: &raw)
    var viaMatrix = [Float](repeating: .nan, count: 6)
    matrix.multiply(vector, into: &viaMatrix)
    let expected = (0..<6).map { row in
      (0..<dimension).map { matrix[row, $0] * vector[$0] }.reduce(0, +)
    }
    #expect(Self.close(raw, expected))
    #expect(viaMatrix == raw)
  }

  @Test(arguments: dimensions)
  func addRowToVectorMatchesNaiveUpdate(dimension: Int) {
    let matrix = Self.randomMatrix(rows: 3, columns: dimension, seed: 11)
    var vector = Self.randomVector(count: dimension, seed: 12)
    let before = vector
    matrix.addRowToVector(2, &vector, scale: 3)
    #expect(Self.close(vector, (0..<dimension).map { before[$0] + 3 * matrix[2, $0] }))
  }
}
