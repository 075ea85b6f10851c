import Testing

@testable import MultiTaskText

/// Every kernel against a naive loop, for dimensions around the SIMD width.
@Suite struct MatrixKernelsTests {
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
  func averageRowsMatchesNaiveMean(dimension: Int) {
    let matrix = Self.randomMatrix(rows: 12, columns: dimension, seed: 1)
    let ids: [Int32] = [3, 0, 11, 3, 7]
    var output = [Float](repeating: .nan, count: dimension)
    ids.withUnsafeBufferPointer { matrix.averageRows($0, into: &output) }
    let expected = (0..<dimension).map { column in
      ids.map { matrix[Int($0), column] }.reduce(0, +) / Float(ids.count)
    }
    #expect(Self.close(output, expected))
  }

  @Test func averageOfNoRowsIsZero() {
    let matrix = Self.randomMatrix(rows: 3, columns: 5, seed: 2)
    var output = [Float](repeating: .nan, count: 5)
    [Int32]().withUnsafeBufferPointer { matrix.averageRows($0, into: &output) }
    #expect(output == [0, 0, 0, 0, 0])
  }

  @Test(arguments: dimensions)
  func dotRowMatchesNaiveDot(dimension: Int) {
    let matrix = Self.randomMatrix(rows: 4, columns: dimension, seed: 3)
    let vector = Self.randomVector(count: dimension, seed: 4)
    for row in 0..<4 {
      let expected = (0..<dimension).map { matrix[row, $0] * vector[$0] }.reduce(0, +)
      #expect(Self.close([matrix.dotRow(row, vector)], [expected]))
    }
  }

  @Test(arguments: dimensions)
  func addVectorToRowMatchesNaiveUpdate(dimension: Int) {
    var matrix = Self.randomMatrix(rows: 3, columns: dimension, seed: 5)
    let before = matrix
    let vector = Self.randomVector(count: dimension, seed: 6)
    matrix.addVectorToRow(vector, row: 1, scale: -0.5)
    for row in 0..<3 {
      let expected = (0..<dimension).map {
        before[row, $0] + (row == 1 ? -0.5 * vector[$0] : 0)
      }
      #expect(Self.close(Array(matrix.row(row)), expected))
    }
  }

  @Test(arguments: dimensions)
  func addVectorToRowsUpdatesRepeatedRowsTwice(dimension: Int) {
    var matrix = Self.randomMatrix(rows: 5, columns: dimension, seed: 7)
    let before = matrix
    let vector = Self.randomVector(count: dimension, seed: 8)
    let ids: [Int32] = [4, 1, 4]
    ids.withUnsafeBufferPointer { matrix.addVectorToRows(vector, rows: $0, scale: 0.25) }
    for row in 0..<5 {
      let times = Float(ids.filter { Int($0) == row }.count)
      let expected = (0..<dimension).map { before[row, $0] + times * 0.25 * vector[$0] }
      #expect(Self.close(Array(matrix.row(row)), expected))
    }
  }

  @Test(arguments: dimensions)
  func addRowToVectorMatchesNaiveUpdate(dimension: Int) {
    let matrix = Self.randomMatrix(rows: 3, columns: dimension, seed: 9)
    var vector = Self.randomVector(count: dimension, seed: 10)
    let before = vector
    matrix.addRowToVector(2, &vector, scale: 3)
    #expect(Self.close(vector, (0..<dimension).map { before[$0] + 3 * matrix[2, $0] }))
  }

  @Test(arguments: dimensions)
  func multiplyMatchesNaiveProduct(dimension: Int) {
    let matrix = Self.randomMatrix(rows: 6, columns: dimension, seed: 11)
    let vector = Self.randomVector(count: dimension, seed: 12)
    var output = [Float](repeating: .nan, count: 6)
    matrix.multiply(vector, into: &output)
    let expected = (0..<6).map { row in
      (0..<dimension).map { matrix[row, $0] * vector[$0] }.reduce(0, +)
    }
    #expect(Self.close(output, expected))
  }

  @Test(arguments: dimensions)
  func transposedProductMatchesNaiveProduct(dimension: Int) {
    let matrix = Self.randomMatrix(rows: 6, columns: dimension, seed: 13)
    var vector = Self.randomVector(count: 6, seed: 14)
    vector[2] = 0
    var output = Self.randomVector(count: dimension, seed: 15)
    let before = output
    matrix.addTransposedProduct(vector, to: &output)
    let expected = (0..<dimension).map { column in
      before[column] + (0..<6).map { matrix[$0, column] * vector[$0] }.reduce(0, +)
    }
    #expect(Self.close(output, expected))
  }
}
