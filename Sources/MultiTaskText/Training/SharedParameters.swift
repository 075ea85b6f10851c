/// Raw views of the parameters that every worker updates in place, and the per-epoch
/// settings of each task.
///
/// `@unchecked Sendable` because threads share them on purpose. In a reproducible epoch
/// (`Trainer+ShardedEpoch`) each shard writes only rows no other shard of the round uses, and
/// keeps the others apart in its ``overlay`` (an embedding id below 0 names an overlay row);
/// with Hogwild, concurrent updates to the same row may lose one another's contribution,
/// which sparse SGD tolerates. The buffers they point into outlive every worker.
struct SharedParameters: @unchecked Sendable {
  let embeddings: UnsafeMutablePointer<Float>
  var heads: [UnsafeMutablePointer<Float>]
  let labelCounts: [Int]
  /// Per task, per label: the task weight times the label's class weight.
  let labelWeights: [[Float]]
  let dimension: Int
  /// Per task: the multiplier of its head's learning rate.
  var headScales: [Float] = []
  /// Per task: a loss multiplier set for the epoch (dynamic weight average), 1 otherwise.
  var epochMultipliers: [Float] = []
  /// Per task: whether it still trains (false once per-task early stopping stopped it).
  var active: [Bool] = []
  /// Per task: its private table of `privateBuckets` rows, when the encoder has them.
  var privateTables: [UnsafeMutablePointer<Float>] = []
  var privateBuckets = 0
  /// AdaGrad's accumulators, when the optimizer is `adagrad`; nil for plain SGD.
  var adaptive: AdaptiveRatePointers? = nil
  /// Per task: its loss weight, which a multi-label task's steps use in place of
  /// per-label class weights.
  var taskWeights: [Float] = []
  /// Per task: the learned log variance `s` of uncertainty weighting.
  var logVariances: UnsafeMutablePointer<Float>? = nil
  /// Per task: its head, which scores and trains it (`HeadLosses` sets them from the tasks);
  /// a full softmax until then.
  var taskHeads: [TaskHead] = []
  /// The seed of the workers' negative streams, mixed with the epoch by the trainer.
  var negativeSeed: UInt64 = 0
  /// A shard's rows kept apart for one round; nil outside a reproducible round, where every
  /// id is a row of the shared tables.
  var overlay: OverlayPointers? = nil

  init(
    embeddings: UnsafeMutablePointer<Float>, heads: [UnsafeMutablePointer<Float>],
    labelCounts: [Int], labelWeights: [[Float]], dimension: Int
  ) {
    self.embeddings = embeddings
    self.heads = heads
    self.labelCounts = labelCounts
    self.labelWeights = labelWeights
    self.dimension = dimension
    headScales = Array(repeating: 1, count: heads.count)
    epochMultipliers = Array(repeating: 1, count: heads.count)
    active = Array(repeating: true, count: heads.count)
    taskHeads = Array(repeating: .softmax(SoftmaxHead()), count: heads.count)
    taskWeights = Array(repeating: 1, count: heads.count)
  }

  var hasPrivateTables: Bool { privateBuckets > 0 && !privateTables.isEmpty }

  /// The embedding row of feature `id`: a shared row, or for an id below 0 the overlay's
  /// row `~id`.
  @inline(__always)
  func embeddingRow(_ id: Int32) -> UnsafeMutablePointer<Float> {
    id >= 0
      ? embeddings + Int(id) * dimension
      : overlay.unsafelyUnwrapped.rows + Int(~id) * dimension
  }

  /// AdaGrad's accumulator of feature `id`'s embedding row, wherever that row is.
  @inline(__always)
  func embeddingSquare(_ id: Int32, in adaptive: AdaptiveRatePointers) -> UnsafeMutablePointer<
    Float
  > {
    id >= 0
      ? adaptive.embeddings + Int(id)
      : overlay.unsafelyUnwrapped.squares.unsafelyUnwrapped + Int(~id)
  }

  /// Row `row` of task `task`'s private table (from ``privateRow(ofFeature:)``): a shared
  /// row, or below 0 the overlay's private row `~row`.
  @inline(__always)
  func privateRowPointer(_ row: Int, ofTask task: Int) -> UnsafeMutablePointer<Float> {
    row >= 0
      ? privateTables[task] + row * dimension
      : overlay.unsafelyUnwrapped.privateRows[task] + (~row) * dimension
  }

  /// AdaGrad's accumulator of private row `row` of task `task`, wherever that row is.
  @inline(__always)
  func privateSquare(
    _ row: Int, ofTask task: Int, in adaptive: AdaptiveRatePointers
  ) -> UnsafeMutablePointer<Float> {
    row >= 0
      ? adaptive.privateRows[task] + row
      : overlay.unsafelyUnwrapped.privateSquares[task] + ~row
  }
}

/// The rows one shard of a reproducible round keeps to itself (``ShardOverlay`` owns them):
/// the embedding rows that other shards of the round use too, with their accumulators, and
/// every private row the shard uses.
struct OverlayPointers: @unchecked Sendable {
  /// The overlay's embedding rows, `dimension` floats each.
  let rows: UnsafeMutablePointer<Float>
  /// Their AdaGrad accumulators; nil with SGD.
  let squares: UnsafeMutablePointer<Float>?
  /// The shared row each overlay row copies.
  let packedRows: UnsafePointer<Int32>
  /// For every private row, its overlay row, filled for the rows the shard uses.
  let privateIndex: UnsafePointer<Int32>?
  /// Per task: the overlay's private rows, and their accumulators with AdaGrad.
  let privateRows: [UnsafeMutablePointer<Float>]
  let privateSquares: [UnsafeMutablePointer<Float>]
}

/// The trainer's raw buffers run the same forward pass as a finished model.
extension SharedParameters: ForwardParameters {
  func labelCount(ofTask task: Int) -> Int { labelCounts[task] }

  func head(ofTask task: Int) -> TaskHead { taskHeads[task] }

  func temperature(ofTask task: Int) -> Float { 1 }

  func scoreNode(_ node: Int, ofTask task: Int, input: UnsafePointer<Float>) -> Float {
    RowKernels.dot(heads[task] + node * dimension, input, count: dimension)
  }

  func averageRows(
    _ ids: UnsafeBufferPointer<Int32>, into output: UnsafeMutablePointer<Float>
  ) {
    guard overlay != nil else {
      RowKernels.averageRows(ids, of: embeddings, columns: dimension, into: output)
      return
    }
    // The same sums in the same order as the kernel, through the overlay for ids below 0.
    output.update(repeating: 0, count: dimension)
    guard !ids.isEmpty else { return }
    for id in ids {
      RowKernels.add(embeddingRow(id), scale: 1, to: output, count: dimension)
    }
    RowKernels.scale(output, by: 1 / Float(ids.count), count: dimension)
  }

  func privateRow(ofFeature id: Int32) -> Int {
    guard let overlay, let index = overlay.privateIndex else {
      return PrivateRows.row(of: id, buckets: privateBuckets)
    }
    let packed = id >= 0 ? id : overlay.packedRows[Int(~id)]
    return ~Int(index[PrivateRows.row(of: packed, buckets: privateBuckets)])
  }

  func addPrivateRow(
    _ row: Int, ofTask task: Int, scale: Float, to vector: UnsafeMutablePointer<Float>
  ) {
    RowKernels.add(privateRowPointer(row, ofTask: task), scale: scale, to: vector, count: dimension)
  }

  func scoreLabels(
    ofTask task: Int, input: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>
  ) {
    RowKernels.multiply(
      rows: heads[task], rowCount: labelCounts[task], columns: dimension, by: input, into: scores)
  }
}
