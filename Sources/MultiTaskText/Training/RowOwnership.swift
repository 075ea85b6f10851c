/// For each embedding row, which shard of the current round uses it alone, or whether several
/// do: the one shard gets to write the row in place, several keep it in their overlays
/// (``ShardOverlay``).
///
/// A row's mark packs the round's last four bits and the owner into one byte (the shard's
/// number + 1, or 15 for several shards), so a round needs no clearing and the table is small
/// enough to stay in cache. A mark left from sixteen rounds earlier may look current: then
/// a row one shard uses alone may count as used by several, which only keeps it in an
/// overlay, and costs a copy, never correctness; the marks depend on the data alone, so the
/// bytes do not change with the thread count either. Marking splits by rows: part `p` of `n` scans every feature of
/// the round but marks only its own rows, so threads never write the same word, and each
/// row's mark follows the shards in order, whichever thread set it.
final class RowOwnership: @unchecked Sendable {
  /// Each row's mark.
  let marks: UnsafeMutablePointer<UInt8>
  /// The number of rows.
  let rowCount: Int
  /// The round being marked, from 1.
  private(set) var round: UInt8 = 0

  /// The largest shard count marks can tell apart.
  static let largestShardCount = 14
  private static let several: UInt8 = 15

  /// A table over `rows` embedding rows.
  init(rows: Int) {
    rowCount = max(1, rows)
    marks = .allocate(capacity: rowCount)
    marks.initialize(repeating: 0, count: rowCount)
  }

  deinit { marks.deallocate() }

  /// Starts the next round's marks; call before ``mark(shards:inputs:part:of:)``.
  func startRound() { round &+= 1 }

  /// The mark of a row shard `shard` alone uses in the current round.
  @inline(__always)
  func mark(ofShard shard: Int) -> UInt8 { (round & 15) << 4 | UInt8(shard + 1) }

  /// Marks part `part` of `parts` of the rows for the current round, whose shard `s` trains
  /// positions `shards[s]` of the epoch's order.
  func mark(shards: [Range<Int>], inputs: ShardInputs, part: Int, of parts: Int) {
    let rows = ShardMerge.share(of: rowCount, part: part, parts: parts)
    let lower = UInt32(rows.lowerBound)
    let width = UInt32(rows.count)
    let tag = (round & 15) << 4
    for (shard, positions) in shards.enumerated() {
      let own = mark(ofShard: shard)
      for position in positions {
        let document = Int(inputs.order[position])
        for slot in inputs.offsets[document]..<inputs.offsets[document + 1] {
          let row = inputs.features[slot]
          // One unsigned comparison tests both bounds.
          guard UInt32(bitPattern: row) &- lower < width else { continue }
          let current = marks[Int(row)]
          if current & 0xF0 != tag {
            marks[Int(row)] = own
          } else if current != own {
            marks[Int(row)] = tag | Self.several
          }
        }
      }
    }
  }
}
