import Testing

@testable import MultiTaskText

struct EmbeddingStorageTests {
  @Test func packsOnlyTheUsedRowsAndMapsTheRestToTheZeroRow() throws {
    let storage = try #require(
      EmbeddingStorage(rows: 12, columns: 3, features: [5, 2, 9, 5], seed: 7, bound: 0.5))
    #expect(storage.usedRows == [2, 5, 9])
    #expect(storage.zeroRow == 3)
    let packed = storage.packedRows()
    #expect(packed[2] == 0 && packed[5] == 1 && packed[9] == 2)
    #expect(
      packed.enumerated().filter { ![2, 5, 9].contains($0.offset) }.allSatisfy { $0.element == 3 })
    // The zero row is zero; the used rows are initialized within the bound.
    for column in 0..<3 { #expect(storage.pointer[3 * 3 + column] == 0) }
    for index in 0..<9 {
      #expect(abs(storage.pointer[index]) <= 0.5 && storage.pointer[index] != 0)
    }
  }

  @Test func aRowsInitialValuesDependOnlyOnTheSeedAndTheRow() throws {
    let small = try #require(
      EmbeddingStorage(rows: 20, columns: 4, features: [7], seed: 3, bound: 1))
    let large = try #require(
      EmbeddingStorage(rows: 20, columns: 4, features: [1, 7, 15], seed: 3, bound: 1))
    let other = try #require(
      EmbeddingStorage(rows: 20, columns: 4, features: [7], seed: 4, bound: 1))
    let row = (0..<4).map { small.pointer[$0] }
    #expect(row == (0..<4).map { large.pointer[4 + $0] })
    #expect(row != (0..<4).map { other.pointer[$0] })
  }

  @Test func finishingGivesACompactTableEqualToTheFullOne() throws {
    let storage = try #require(
      EmbeddingStorage(rows: 10, columns: 2, features: [1, 8], seed: 1, bound: 1))
    let values = [storage.pointer[0], storage.pointer[1], storage.pointer[2], storage.pointer[3]]
    var dense = [Float](repeating: 0, count: 20)
    dense[2] = values[0]
    dense[3] = values[1]
    dense[16] = values[2]
    dense[17] = values[3]
    let table = storage.finish()
    #expect(table.isCompact)
    #expect(table == EmbeddingTable(Matrix(rows: 10, columns: 2, storage: dense)))
    #expect(table.storedRows == [1, 8])
  }
}
