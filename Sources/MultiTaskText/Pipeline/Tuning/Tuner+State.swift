import Foundation

/// The search's shared state: the next trial number, the finished trials, and the models of
/// the trials that led so far. A class with a lock because trials finish on several threads.
final class SearchState: @unchecked Sendable {
  /// How much higher a later trial's dev score must be to replace the best: half a point.
  /// The best of hundreds of noisy dev scores is biased upwards, and a small dev set rewards
  /// luck (the winner's curse), so the earlier trial, and above all trial 1, the
  /// configuration as given, keeps its place unless clearly beaten.
  static let margin = 0.005

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
  /// beating it by ``margin``. Depends only on which trials finished, not on their order.
  static func best(of trials: [Trial]) -> Trial? {
    var best: Trial?
    for trial in trials.sorted(by: { $0.number < $1.number }) where trial.failure == nil {
      if let current = best, trial.objective <= current.objective + margin { continue }
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
      let best = Self.best(of: trials)
      if best?.number == trial.number { models[trial.number] = model }
      for number in models.keys where number != best?.number && number > (best?.number ?? 0) {
        models[number] = nil
      }
    case .failure(let error):
      if trial.number == 1 { firstFailure = error }
    }
    return Self.best(of: trials)
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
