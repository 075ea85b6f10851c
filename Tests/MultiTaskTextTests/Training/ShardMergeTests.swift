import Testing

@testable import MultiTaskText

/// The shard merge against a naive loop: every embedding value gets its shards' changes in
/// shard order, every head value the mean of its shards' changes, and the bytes are the same
/// however many parts the merge is split into.
struct ShardMergeTests {
  static let start: [Float] = [0.5, -0.25, 1e-3, 7, 3.1, -2.2, 0.1, 0.2, 0, 0]
  static let head: [Float] = [0.3, -0.3, 1.5, 1e-4]

  /// Three shards: shard 0 changed rows 1 and 3, shard 1 rows 3 and 2, shard 2 row 1; each
  /// changed the head.
  static func shards() -> [ShardOverlay] {
    let changes: [[(Int32, [Float])]] = [
      [(1, [1e-7, 0.3]), (3, [-0.1, 1e8])],
      [(3, [0.7, -1e8]), (2, [2, 3])],
      [(1, [0.125, 1e-9])],
    ]
    return changes.enumerated().map { number, rows in
      let shard = ShardOverlay(dimension: 2, labelCounts: [2], negatives: SplitMix64(seed: 0))
      for (row, values) in rows {
        shard.packedRows.append(row)
        for value in values { shard.rows.append(value) }
      }
      shard.heads[0].resize(to: 4)
      for index in 0..<4 { shard.heads[0][index] = Float(number + 1) * 0.01 * Float(index) }
      return shard
    }
  }

  /// Merges into copies of the start values, split into `parts` parts.
  static func merged(parts: Int) -> (embeddings: [Float], head: [Float]) {
    var embeddings = start
    var head = head
    let shards = shards()
    embeddings.withUnsafeMutableBufferPointer { embeddings in
      head.withUnsafeMutableBufferPointer { head in
        let parameters = SharedParameters(
          embeddings: embeddings.baseAddress!, heads: [head.baseAddress!], labelCounts: [2],
          labelWeights: [[1, 1]], dimension: 2)
        for part in 0..<parts {
          ShardMerge.merge(shards, into: parameters, rowCount: 5, part: part, of: parts)
        }
      }
    }
    return (embeddings, head)
  }

  @Test(arguments: [1, 2, 3, 5])
  func matchesANaiveSumInShardOrder(parts: Int) {
    var embeddings = Self.start
    var head = Self.head
    for shard in Self.shards() {
      for local in 0..<shard.packedRows.count {
        let row = Int(shard.packedRows[local])
        for column in 0..<2 { embeddings[row * 2 + column] += shard.rows[local * 2 + column] }
      }
      for index in 0..<4 { head[index] += shard.heads[0][index] / 3 }
    }
    let merged = Self.merged(parts: parts)
    #expect(merged.embeddings == embeddings)
    #expect(zip(merged.head, head).allSatisfy { abs($0 - $1) <= 1e-6 })
    #expect(merged.head == Self.merged(parts: 1).head)
    // Rows no shard kept apart are untouched.
    #expect(merged.embeddings[0..<2] == Self.start[0..<2])
  }

  /// A shard that trains nothing hands back zero changes, reads its documents' features with
  /// the rows another shard also uses renamed into its overlay, and leaves the thread's map
  /// cleared.
  @Test func aShardThatTrainsNothingChangesNothing() {
    var embeddings = Self.start
    var head = Self.head
    // Shard 0 trains documents 0 and 1 (rows 0, 1, 1 and 3, 2); shard 1 document 2 (rows 1
    // and 3), so shard 0 alone uses rows 0 and 2.
    let order: [Int32] = [0, 1, 2]
    let features: [Int32] = [0, 1, 1, 3, 2, 1, 3]
    let offsets = [0, 3, 5, 7]
    let ownership = RowOwnership(rows: 5)
    let index = ShardRowIndex(rows: 5, privateBuckets: 0)
    let shard = ShardOverlay(dimension: 2, labelCounts: [2], negatives: SplitMix64(seed: 0))
    var renamed: [Int32] = []
    embeddings.withUnsafeMutableBufferPointer { embeddings in
      head.withUnsafeMutableBufferPointer { head in
        order.withUnsafeBufferPointer { order in
          features.withUnsafeBufferPointer { features in
            offsets.withUnsafeBufferPointer { offsets in
              let parameters = SharedParameters(
                embeddings: embeddings.baseAddress!, heads: [head.baseAddress!],
                labelCounts: [2], labelWeights: [[1, 1]], dimension: 2)
              let inputs = ShardInputs(
                order: order, features: features, offsets: offsets, labels: features,
                lists: .empty)
              ownership.startRound()
              for part in 0..<2 {
                ownership.mark(shards: [0..<2, 2..<3], inputs: inputs, part: part, of: 2)
              }
              shard.prepare(
                shard: 0, positions: 0..<2, inputs: inputs, ownership: ownership, index: index,
                shared: parameters)
              renamed = Array(UnsafeBufferPointer(start: shard.features.pointer, count: 5))
              #expect(shard.rows[2] == Self.start[6])
              shard.finishRound(shared: parameters, index: index)
            }
          }
        }
      }
    }
    #expect(renamed == [0, ~0, ~0, ~1, 2])
    #expect((0..<4).allSatisfy { shard.rows[$0] == 0 })
    #expect((0..<4).allSatisfy { shard.heads[0][$0] == 0 })
    #expect((0..<5).allSatisfy { index.embeddingRows[$0] == -1 })
  }
}
