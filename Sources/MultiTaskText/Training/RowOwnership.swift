/// For each embedding row, which shard of the current round uses it alone, or −1 when
/// several do: the first gets to write the row in place, the others keep it in their
/// overlays (``ShardOverlay``).
///
/// One pass over the round's features, in shard order, before any shard trains; a row no
/// document of the round uses keeps an older round's mark, which no shard reads. Rounds are
/// told apart by a counter rather than by clearing the table, so a round costs its features,
/// not the table's size.
final class RowOwnership: @unchecked Sendable {
  /// Each row's owner in the current round: a shard's number, or −1 for several.
  let owners: UnsafeMutablePointer<Int32>
  private let rounds: UnsafeMutablePointer<UInt32>
  private let rowCount: Int
  private var round: UInt32 = 0

  /// A table over `rows` embedding rows.
  init(rows: Int) {
    rowCount = max(1, rows)
    owners = .allocate(capacity: rowCount)
    owners.initialize(repeating: -1, count: rowCount)
    rounds = .allocate(capacity: rowCount)
    rounds.initialize(repeating: 0, count: rowCount)
  }

  deinit {
    owners.deallocate()
    rounds.deallocate()
  }

  /// Marks the owners for a round whose shard `s` trains positions `shards[s]` of `order`.
  func mark(
    shards: [Range<Int>], order: UnsafeBufferPointer<Int32>,
    features: UnsafeBufferPointer<Int32>, offsets: UnsafeBufferPointer<Int>
  ) {
    round &+= 1
    let round = round
    for (shard, positions) in shards.enumerated() {
      let shard = Int32(shard)
      for position in positions {
        let document = Int(order[position])
        for slot in offsets[document]..<offsets[document + 1] {
          let row = Int(features[slot])
          if rounds[row] != round {
            rounds[row] = round
            owners[row] = shard
          } else if owners[row] != shard {
            owners[row] = -1
          }
        }
      }
    }
  }
}
