/// The end of a reproducible round: adds every shard's changes to the shared parameters, in
/// shard order.
///
/// Each value receives its shards' changes one after another in shard order, whichever thread
/// adds them, so the sums, and the model, do not depend on the thread count. The work splits
/// by place: part `p` of `n` takes the `p`-th `n`-th of the embedding rows, of the private
/// rows and of every head's values, so threads never write the same float.
///
/// Heads take the mean of their shards' changes, not the sum: every shard trains every label
/// row of a head, so a sum moved a head by up to a shard count's worth of steps per round,
/// and GoEmotions' one-vs-all heads diverged at the default rate 0.5 (Hogwild, and one shard,
/// did not). Embedding rows keep the sum: most of them are in one shard's documents only.
enum ShardMerge {
  /// Adds the changes of `shards` that fall in part `part` of `parts` to `shared`.
  ///
  /// - Parameters:
  ///   - shards: The round's shards, in shard order, after ``ShardOverlay/finishRound``.
  ///   - shared: The parameters the round started from.
  ///   - rowCount: The embedding rows, the zero row included.
  ///   - part: This thread's part, from 0.
  ///   - parts: The number of parts.
  static func merge(
    _ shards: [ShardOverlay], into shared: SharedParameters, rowCount: Int, part: Int,
    of parts: Int
  ) {
    let dimension = shared.dimension
    let rows = share(of: rowCount, part: part, parts: parts)
    for shard in shards {
      for local in 0..<shard.packedRows.count {
        let row = Int(shard.packedRows[local])
        guard rows.contains(row) else { continue }
        RowKernels.add(
          shard.rows.pointer + local * dimension, scale: 1, to: shared.embeddings + row * dimension,
          count: dimension)
        if let adaptive = shared.adaptive { adaptive.embeddings[row] += shard.squares[local] }
      }
    }
    if shared.hasPrivateTables { mergePrivateRows(shards, into: shared, part: part, of: parts) }
    let headScale = 1 / Float(max(1, shards.count))
    for task in shared.heads.indices {
      let labels = shared.labelCounts[task]
      let values = share(of: labels * dimension, part: part, parts: parts)
      let squares = share(of: labels, part: part, parts: parts)
      for shard in shards {
        RowKernels.add(
          shard.heads[task].pointer + values.lowerBound, scale: headScale,
          to: shared.heads[task] + values.lowerBound, count: values.count)
        if let adaptive = shared.adaptive {
          RowKernels.add(
            shard.headSquares[task].pointer + squares.lowerBound, scale: 1,
            to: adaptive.heads[task] + squares.lowerBound, count: squares.count)
        }
      }
    }
    if part == 0, let variances = shared.logVariances {
      for shard in shards {
        RowKernels.add(
          shard.logVariances.pointer, scale: 1, to: variances, count: shared.labelCounts.count)
      }
    }
  }

  private static func mergePrivateRows(
    _ shards: [ShardOverlay], into shared: SharedParameters, part: Int, of parts: Int
  ) {
    let dimension = shared.dimension
    let rows = share(of: shared.privateBuckets, part: part, parts: parts)
    for shard in shards {
      for local in 0..<shard.privateRowNumbers.count {
        let row = Int(shard.privateRowNumbers[local])
        guard rows.contains(row) else { continue }
        for task in shared.privateTables.indices {
          RowKernels.add(
            shard.privateRows[task].pointer + local * dimension, scale: 1,
            to: shared.privateTables[task] + row * dimension, count: dimension)
          if let adaptive = shared.adaptive {
            adaptive.privateRows[task][row] += shard.privateSquares[task][local]
          }
        }
      }
    }
  }

  /// Part `part` of `parts` of `0..<count`.
  static func share(of count: Int, part: Int, parts: Int) -> Range<Int> {
    (count * part / parts)..<(count * (part + 1) / parts)
  }
}
