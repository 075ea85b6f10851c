import Foundation

/// The search's shared state: the next trial number, the finished trials, and the models of
/// the trials that led so far. A class with a lock because trials finish on several threads.
final class SearchState: @unchecked Sendable {
  /// How much higher a later trial's dev score must be to replace `best`: one standard error
  /// of its score over its dev documents, and at least half a point (see
  /// ``DevScore/margin``). Trial 1, the configuration as given, keeps its place unless beaten
  /// by more than chance would explain.
  static func margin(over best: Trial) -> Double {
    DevScore(value: best.objective, documents: best.devDocuments).margin
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
