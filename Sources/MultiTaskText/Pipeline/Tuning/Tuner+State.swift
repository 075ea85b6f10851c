import Foundation

/// The search's shared state: the next trial number, the finished trials, and the models of
/// the trials that led so far. A class with a lock because trials finish on several threads.
final class SearchState: @unchecked Sendable {
  /// The least a later trial's dev score must gain to replace the best: half a point.
  static let smallestMargin = 0.005

  /// How much higher a later trial's dev score must be to replace `best`: one standard error
  /// of its score, `√(p(1 − p) / n)` over its `n` dev documents, and at least
  /// ``smallestMargin``.
  ///
  /// The best of hundreds of noisy dev scores is biased upwards, and a small dev set rewards
  /// luck (the winner's curse). This is Breiman's one-standard-error rule: the earlier trial,
  /// and above all trial 1, the configuration as given, keeps its place unless beaten by more
  /// than chance would explain. On cr's 359 dev documents that is about 2 points.
  static func margin(over best: Trial) -> Double {
    guard best.devDocuments > 0 else { return smallestMargin }
    let score = min(max(best.objective, 0), 1)
    return max(smallestMargin, (score * (1 - score) / Double(best.devDocuments)).squareRoot())
  }

  private let lock = NSLock()
  private var next = 1
  private var trials: [Trial] = []
  private var models: [Int: TrainedModel] = [:]
  private var firstFailure: PipelineError?

  /// The next trial's number, or nil once `limit` trials were handed out.
  func nextTrial(limit: Int?) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    if let limit, next > limit { return nil }
    defer { next += 1 }
    return next
  }

  /// The best of `trials` taken in number order: a trial replaces the best so far only by
  /// beating it by ``margin(over:)``. Depends only on which trials finished, not on their order.
  static func best(of trials: [Trial]) -> Trial? {
    var best: Trial?
    for trial in trials.sorted(by: { $0.number < $1.number }) where trial.failure == nil {
      if let current = best, trial.objective <= current.objective + margin(over: current) {
        continue
      }
      best = trial
    }
    return best
  }

  /// Records a finished trial; returns the best trial so far, or nil while none succeeded.
  /// Only the models of trials that are, or were, the best are kept.
  func record(_ trial: Trial, model: Result<TrainedModel, PipelineError>) -> Trial? {
    lock.lock()
    defer { lock.unlock() }
    trials.append(trial)
    switch model {
    case .success(let model):
      guard let best = Self.best(of: trials) else { return nil }
      if best.number == trial.number { models[trial.number] = model }
      for number in models.keys where number > best.number { models[number] = nil }
      return best
    case .failure(let error):
      if trial.number == 1 { firstFailure = error }
      return Self.best(of: trials)
    }
  }

  /// The trials in number order, the best one, and its model when it was kept.
  func result() throws(PipelineError) -> (trials: [Trial], best: Trial, model: TrainedModel?) {
    lock.lock()
    defer { lock.unlock() }
    if let firstFailure { throw firstFailure }
    guard let best = Self.best(of: trials) else { throw .training(.cancelled(epochsCompleted: 0)) }
    return (trials.sorted { $0.number < $1.number }, best, models[best.number])
  }
}

/// Each task's dev score per epoch, from the trainer's events.
final class ScoreRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var byEpoch: [Int: [String: Double]] = [:]
  private var documents = 0

  /// Notes how many dev documents the scores come from.
  func recordDevDocuments(_ count: Int) {
    lock.lock()
    defer { lock.unlock() }
    documents += count
  }

  /// The dev documents recorded.
  var devDocuments: Int {
    lock.lock()
    defer { lock.unlock() }
    return documents
  }

  func record(_ event: TrainingEvent) {
    guard case .epochFinished(let summary) = event else { return }
    lock.lock()
    defer { lock.unlock() }
    byEpoch[summary.epoch] = Dictionary(uniqueKeysWithValues: summary.devScore.present)
  }

  func scores(atEpoch epoch: Int) -> [String: Double] {
    lock.lock()
    defer { lock.unlock() }
    return byEpoch[epoch] ?? [:]
  }
}
