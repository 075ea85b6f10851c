import Testing

@testable import MultiTaskText

@Suite struct MatrixTests {
  @Test func elementsAreLaidOutRowAfterRow() {
    var matrix = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
    #expect(matrix[1, 0] == 4)
    #expect(Array(matrix.row(1)) == [4, 5, 6])
    matrix[0, 2] = 9
    #expect(matrix.storage == [1, 2, 9, 4, 5, 6])
    matrix.zero()
    #expect(matrix == Matrix(rows: 2, columns: 3))
  }

  @Test func uniformInitializationIsSeededAndBounded() {
    var first = SplitMix64(seed: 11, stream: 1)
    var second = SplitMix64(seed: 11, stream: 1)
    let left = Matrix(rows: 40, columns: 7, uniformBound: 0.25, using: &first)
    let right = Matrix(rows: 40, columns: 7, uniformBound: 0.25, using: &second)
    #expect(left == right)
    #expect(left.storage.allSatisfy { $0 >= -0.25 && $0 < 0.25 })
    #expect(left.storage.contains { $0 < 0 } && left.storage.contains { $0 > 0 })
    var other = SplitMix64(seed: 12, stream: 1)
    #expect(Matrix(rows: 40, columns: 7, uniformBound: 0.25, using: &other) != left)
  }

  @Test func copiesDoNotShareWeights() {
    let original = Matrix(rows: 1, columns: 2, storage: [1, 2])
    var copy = original
    copy[0, 0] = 5
    #expect(original[0, 0] == 1)
  }
}
