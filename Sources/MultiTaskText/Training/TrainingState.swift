/// The parameters besides the shared embeddings that training updates in place: the heads,
/// the private tables of a shared-private encoder, and the loss weighting's own state.
///
/// They live in manually allocated buffers because the workers hold raw pointers to them
/// for the whole run; they become matrices again in the finished model.
final class TrainingState {
  let dimension: Int
  let labelCounts: [Int]
  let privateBuckets: Int
  let heads: [UnsafeMutableBufferPointer<Float>]
  let privateTables: [UnsafeMutableBufferPointer<Float>]
  /// Uncertainty weighting's log variances, one per task, starting at 0 (weight 1).
  let logVariances: UnsafeMutableBufferPointer<Float>

  init(dimension: Int, labelCounts: [Int], privateBuckets: Int) {
    self.dimension = dimension
    self.labelCounts = labelCounts
    self.privateBuckets = privateBuckets
    func zeros(_ count: Int) -> UnsafeMutableBufferPointer<Float> {
      let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(1, count))
      buffer.initialize(repeating: 0)
      return buffer
    }
    // Heads start at zero, as in fastText; so do private rows, so a shared-private model
    // starts out exactly like a shared one.
    heads = labelCounts.map { zeros($0 * dimension) }
    privateTables =
      privateBuckets > 0 ? labelCounts.map { _ in zeros(privateBuckets * dimension) } : []
    logVariances = zeros(labelCounts.count)
  }

  deinit {
    for buffer in heads + privateTables { buffer.deallocate() }
    logVariances.deallocate()
  }

  /// Pointers to everything, for one epoch's workers.
  func parameters(
    embeddings: UnsafeMutablePointer<Float>, labelWeights: [[Float]], weighting: LossWeighting
  ) -> SharedParameters {
    var parameters = SharedParameters(
      embeddings: embeddings, heads: heads.map { $0.baseAddress! }, labelCounts: labelCounts,
      labelWeights: labelWeights, dimension: dimension)
    parameters.weighting = weighting
    parameters.privateTables = privateTables.map { $0.baseAddress! }
    parameters.privateBuckets = privateBuckets
    parameters.logVariances = logVariances.baseAddress!
    return parameters
  }

  /// A copy of task `task`'s head and private table.
  func snapshot(task: Int) -> [Float] {
    Array(heads[task]) + (privateTables.isEmpty ? [] : Array(privateTables[task]))
  }

  /// Puts back what ``snapshot(task:)`` copied.
  func restore(task: Int, from snapshot: [Float]) {
    let headCount = heads[task].count
    _ = heads[task].update(fromContentsOf: snapshot[0..<headCount])
    if !privateTables.isEmpty {
      _ = privateTables[task].update(fromContentsOf: snapshot[headCount...])
    }
  }

  /// The heads as matrices.
  func headMatrices() -> [Matrix] {
    zip(labelCounts, heads).map { labels, storage in
      Matrix(rows: labels, columns: dimension, storage: Array(storage))
    }
  }

  /// The private tables as matrices (none without a shared-private encoder).
  func privateMatrices() -> [Matrix] {
    privateTables.map { Matrix(rows: privateBuckets, columns: dimension, storage: Array($0)) }
  }
}
