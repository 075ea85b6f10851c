/// Keep-best on dev: remembers the parameters of the epoch with the best mean dev accuracy
/// and puts them back when training ends.
///
/// Off, or without dev documents, it does nothing and costs nothing. Ties keep the earlier
/// epoch, which trained less and is as good on dev.
struct KeepBestEpoch {
  let isOn: Bool
  private var best: (epoch: Int, score: Double, embeddings: [Float], tasks: [[Float]])?

  init(isOn: Bool) { self.isOn = isOn }

  /// Records epoch `epoch` if its mean dev accuracy beats the best so far.
  mutating func consider(
    epoch: Int, accuracy: [Double?], embeddings: EmbeddingStorage, state: TrainingState
  ) {
    let scored = accuracy.compactMap { $0 }
    guard isOn, !scored.isEmpty else { return }
    let score = scored.reduce(0, +) / Double(scored.count)
    if let best, score <= best.score { return }
    let tasks = state.labelCounts.indices.map { state.snapshot(task: $0) }
    best = (epoch, score, embeddings.snapshot(), tasks)
  }

  /// Restores the best epoch unless it is the last one; returns the epoch restored, if any.
  func restore(lastEpoch: Int, embeddings: EmbeddingStorage, state: TrainingState) -> Int? {
    guard let best, best.epoch != lastEpoch else { return nil }
    embeddings.restore(best.embeddings)
    for (task, saved) in best.tasks.enumerated() { state.restore(task: task, from: saved) }
    return best.epoch
  }
}
