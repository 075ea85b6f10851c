/// Keep-best on dev: remembers the parameters of the epoch with the best mean dev accuracy
/// and puts them back when training ends.
///
/// Off, or without dev documents, it does nothing and costs nothing. Ties keep the earlier
/// epoch, which trained less and is as good on dev.
struct KeepBestEpoch {
  let isOn: Bool
  private var best:
    (epoch: Int, score: Double, loss: Double, embeddings: [Float], tasks: [[Float]])?

  init(isOn: Bool) { self.isOn = isOn }

  /// How much lower, relatively, the dev loss of an epoch with the best score so far must be
  /// to count as better: without a margin, a model that already separates the dev data keeps
  /// "improving" as its probabilities creep towards 1, and never stops.
  static let meaningfulLossDrop = 0.02

  /// The best epoch so far, if any epoch was scored.
  var bestEpoch: Int? { best?.epoch }

  /// Records epoch `epoch` if its mean dev score (each task by its metric) beats the best so
  /// far, or equals it with
  /// a lower mean dev loss (when `breaksTiesByLoss`); returns whether it did.
  ///
  /// On a small dev set accuracy moves in steps of one document, so equal accuracies are
  /// common; the loss tells which of two such epochs is the more confident and better
  /// calibrated one.
  @discardableResult
  mutating func consider(
    epoch: Int, scores: DevelopmentScores, breaksTiesByLoss: Bool,
    embeddings: EmbeddingStorage, state: TrainingState
  ) -> Bool {
    let scored = scores.score.compactMap { $0 }
    guard isOn, !scored.isEmpty else { return false }
    let score = scored.reduce(0, +) / Double(scored.count)
    let losses = scores.loss.compactMap { $0 }
    let loss = losses.isEmpty ? 0 : losses.reduce(0, +) / Double(losses.count)
    if let best {
      if score < best.score { return false }
      if score == best.score
        && (!breaksTiesByLoss || loss >= best.loss * (1 - Self.meaningfulLossDrop))
      {
        return false
      }
    }
    let tasks = state.labelCounts.indices.map { state.snapshot(task: $0) }
    best = (epoch, score, loss, embeddings.snapshot(), tasks)
    return true
  }

  /// Puts the best epoch's parameters back, to go on training from them.
  func rewind(embeddings: EmbeddingStorage, state: TrainingState) {
    guard let best else { return }
    embeddings.restore(best.embeddings)
    for (task, saved) in best.tasks.enumerated() { state.restore(task: task, from: saved) }
  }

  /// Restores the best epoch unless it is the last one; returns the epoch restored, if any.
  func restore(lastEpoch: Int, embeddings: EmbeddingStorage, state: TrainingState) -> Int? {
    guard let best, best.epoch != lastEpoch else { return nil }
    embeddings.restore(best.embeddings)
    for (task, saved) in best.tasks.enumerated() { state.restore(task: task, from: saved) }
    return best.epoch
  }
}
