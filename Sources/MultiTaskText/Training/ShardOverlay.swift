/// One shard of a reproducible round: its documents' features, the rows it shares with other
/// shards kept apart, its own copies of the heads and of the loss weighting's state, and,
/// once trained, the changes the round's merge adds to the shared parameters.
///
/// A reproducible epoch (`Trainer+ShardedEpoch`) runs in rounds of a fixed number of shards,
/// all starting from the parameters as the round found them. A row that only this shard uses
/// in the round it reads and writes in place, exactly as one worker alone would; a row that
/// other shards use too it copies into its overlay first, trains there, and after training
/// turns into a difference from the start, which the merge adds in shard order. So each
/// shard is exact SGD on its documents, shards see one another's updates one round late, and
/// no sum depends on which thread ran which shard. The shard's buffers live across rounds and
/// grow as needed, so a round allocates nothing once the largest shard has been seen.
final class ShardOverlay: @unchecked Sendable {
  let dimension: Int
  let labelCounts: [Int]
  /// The features of the shard's documents: a shared row the shard alone uses, or `~i` for
  /// overlay row `i`.
  let features = GrowableBuffer<Int32>()
  /// Where each document's features start in ``features``, with a final end.
  let offsets = GrowableBuffer<Int>()
  /// The shared row each overlay row copies, in the order the shard met them.
  let packedRows = GrowableBuffer<Int32>()
  /// The overlay rows, `dimension` floats each, and their AdaGrad accumulators.
  let rows = GrowableBuffer<Float>()
  let squares = GrowableBuffer<Float>()
  /// The private row each overlay private row copies (every private row the shard uses).
  let privateRowNumbers = GrowableBuffer<Int32>()
  /// Per task: the overlay's private rows and their accumulators.
  let privateRows: [GrowableBuffer<Float>]
  let privateSquares: [GrowableBuffer<Float>]
  /// Per task: a copy of the head and of its accumulators.
  let heads: [GrowableBuffer<Float>]
  let headSquares: [GrowableBuffer<Float>]
  /// A copy of uncertainty weighting's log variances.
  let logVariances = GrowableBuffer<Float>()
  /// The shard's negative stream, carried from round to round.
  var negatives: SplitMix64
  /// The losses of the shard's last round, and how that round ended.
  var losses: EpochLosses
  var status = SliceResult.Status.finished

  /// An empty shard for heads of `labelCounts` labels, drawing negatives from `negatives`.
  init(dimension: Int, labelCounts: [Int], negatives: SplitMix64) {
    self.dimension = dimension
    self.labelCounts = labelCounts
    self.negatives = negatives
    losses = EpochLosses(taskCount: labelCounts.count)
    privateRows = labelCounts.map { _ in GrowableBuffer() }
    privateSquares = labelCounts.map { _ in GrowableBuffer() }
    heads = labelCounts.map { GrowableBuffer(capacity: $0 * dimension) }
    headSquares = labelCounts.map { GrowableBuffer(capacity: $0) }
  }

  /// The parameters the shard's worker trains: `shared`, with the heads, their accumulators
  /// and the log variances replaced by the shard's copies, and the overlay for the rest.
  /// Valid until the next ``prepare(_:)``.
  func parameters(from shared: SharedParameters, index: ShardRowIndex) -> SharedParameters {
    var parameters = shared
    parameters.heads = heads.map(\.pointer)
    if let adaptive = shared.adaptive {
      parameters.adaptive = AdaptiveRatePointers(
        embeddings: adaptive.embeddings, heads: headSquares.map(\.pointer),
        privateRows: adaptive.privateRows)
    }
    if shared.logVariances != nil { parameters.logVariances = logVariances.pointer }
    parameters.overlay = OverlayPointers(
      rows: rows.pointer, squares: shared.adaptive == nil ? nil : squares.pointer,
      packedRows: packedRows.pointer,
      privateIndex: shared.hasPrivateTables ? UnsafePointer(index.privateRows) : nil,
      privateRows: privateRows.map(\.pointer), privateSquares: privateSquares.map(\.pointer))
    return parameters
  }
}

/// One thread's map from a shared row (and a private row) to the overlay row of the shard it
/// is preparing, −1 for none. A shard fills the entries it uses and clears them when its
/// round's training ends, so the map is all −1 between shards and costs nothing to reuse.
final class ShardRowIndex: @unchecked Sendable {
  let embeddingRows: UnsafeMutablePointer<Int32>
  let privateRows: UnsafeMutablePointer<Int32>

  /// A map over `rows` embedding rows and `privateBuckets` private rows.
  init(rows: Int, privateBuckets: Int) {
    embeddingRows = .allocate(capacity: max(1, rows))
    embeddingRows.initialize(repeating: -1, count: max(1, rows))
    privateRows = .allocate(capacity: max(1, privateBuckets))
    privateRows.initialize(repeating: -1, count: max(1, privateBuckets))
  }

  deinit {
    embeddingRows.deallocate()
    privateRows.deallocate()
  }
}
