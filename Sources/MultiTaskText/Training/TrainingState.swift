/// The parameters besides the shared embeddings that training updates in place: the heads,
/// the private tables of a shared-private encoder, and the loss weighting's own state.
///
/// They live in manually allocated buffers because the workers hold raw pointers to them
/// for the whole run; they become matrices again in the finished model.
final class TrainingState {
  let dimension: Int
  let labelCounts: [Int]
  let privateBuckets: Int
  /// Each task's head, `labelCounts[task] × dimension` floats.
  let heads: [UnsafeMutablePointer<Float>]
  /// Each task's private table, `privateBuckets × dimension` floats (none without a
  /// shared-private encoder).
  let privateTables: [UnsafeMutablePointer<Float>]
  /// Uncertainty weighting's log variances, one per task, starting at 0 (weight 1).
  let logVariances: UnsafeMutablePointer<Float>

  init(dimension: Int, labelCounts: [Int], privateBuckets: Int) {
    self.dimension = dimension
    self.labelCounts = labelCounts
    self.privateBuckets = privateBuckets
    func zeros(_ count: Int) -> UnsafeMutablePointer<Float> {
      let capacity = max(1, count)
      let pointer = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
      pointer.initialize(repeating: 0, count: capacity)
      return pointer
    }
    // Heads start at zero, as in fastText; so do private rows, so a shared-private model
    // starts out exactly like a shared one.
    heads = labelCounts.map { zeros($0 * dimension) }
    privateTables =
      privateBuckets > 0 ? labelCounts.map { _ in zeros(privateBuckets * dimension) } : []
    logVariances = zeros(labelCounts.count)
  }

  deinit {
    for pointer in heads + privateTables { pointer.deallocate() }
    logVariances.deallocate()
  }

  /// Pointers to everything, for one epoch's workers.
  func parameters(
    embeddings: UnsafeMutablePointer<Float>, labelWeights: [[Float]]
  ) -> SharedParameters {
    var parameters = SharedParameters(
      embeddings: embeddings, heads: heads, labelCounts: labelCounts,
      labelWeights: labelWeights, dimension: dimension)
    parameters.privateTables = privateTables
    parameters.privateBuckets = privateBuckets
    parameters.logVariances = logVariances
    return parameters
  }

  /// The number of floats in task `task`'s head.
  private func headCount(_ task: Int) -> Int { labelCounts[task] * dimension }

  /// The number of floats in each private table.
  private var privateTableCount: Int { privateBuckets * dimension }

  /// Task `task`'s head as a buffer.
  private func head(_ task: Int) -> UnsafeMutableBufferPointer<Float> {
    UnsafeMutableBufferPointer(start: heads[task], count: headCount(task))
  }

  /// Task `task`'s private table as a buffer.
  private func privateTable(_ task: Int) -> UnsafeMutableBufferPointer<Float> {
    UnsafeMutableBufferPointer(start: privateTables[task], count: privateTableCount)
  }

  /// Sets one label row of task `task`'s head, for continued training.
  func setHeadRow(task: Int, label: Int, to values: [Float]) {
    precondition(values.count == dimension, "a head row of the wrong width")
    values.withUnsafeBufferPointer { source in
      guard let source = source.baseAddress else { return }
      (heads[task] + label * dimension).update(from: source, count: dimension)
    }
  }

  /// Sets task `task`'s whole private table, for continued training.
  func setPrivateTable(task: Int, to values: [Float]) {
    guard !privateTables.isEmpty, values.count == privateTableCount else { return }
    values.withUnsafeBufferPointer { source in
      guard let source = source.baseAddress else { return }
      privateTables[task].update(from: source, count: privateTableCount)
    }
  }

  /// A copy of task `task`'s head and private table.
  func snapshot(task: Int) -> [Float] {
    Array(head(task)) + (privateTables.isEmpty ? [] : Array(privateTable(task)))
  }

  /// Puts back what ``snapshot(task:)`` copied.
  func restore(task: Int, from snapshot: [Float]) {
    let headCount = headCount(task)
    _ = head(task).update(fromContentsOf: snapshot[0..<headCount])
    if !privateTables.isEmpty {
      _ = privateTable(task).update(fromContentsOf: snapshot[headCount...])
    }
  }

  /// The heads as matrices.
  func headMatrices() -> [Matrix] {
    labelCounts.indices.map { task in
      Matrix(rows: labelCounts[task], columns: dimension, storage: Array(head(task)))
    }
  }

  /// The private tables as matrices (none without a shared-private encoder).
  func privateMatrices() -> [Matrix] {
    privateTables.indices.map { task in
      Matrix(rows: privateBuckets, columns: dimension, storage: Array(privateTable(task)))
    }
  }
}
