import Foundation

/// The search's shared state: the next trial number, the finished trials, and the models of
/// the trials that could still be kept. A class with a lock because trials finish on several
/// threads.
final class SearchState: @unchecked Sendable {
  /// The models kept at most: those of the cheapest trials within one standard error of the
  /// top. A trial's model can be hundreds of megabytes, and a winner whose model was dropped
  /// is trained again at the end.
  static let keptModels = 3

  private let lock = NSLock()
  private var next = 1
  private var closed = false
  private var trials: [Trial] = []
  private var models: [Int: TrainedModel] = [:]
  private var firstFailure: PipelineError?

  /// The next trial's number, or nil once `limit` trials were handed out or a trial was
  /// refused: `mayStart(number, typicalSeconds)` says whether trial `number` may begin, given
  /// the median seconds of the trials scored so far (nil before any). Once one trial is
  /// refused no later one starts, so the trial numbers run without gaps.
  func nextTrial(limit: Int?, mayStart: (Int, Double?) -> Bool) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    if closed { return nil }
    if let limit, next > limit { return nil }
    guard mayStart(next, typicalSeconds) else {
      closed = true
      return nil
    }
    defer { next += 1 }
    return next
  }

  /// The median duration of the trials scored so far; nil before any.
  private var typicalSeconds: Double? {
    let seconds = trials.filter(\.isScored).map(\.seconds).sorted()
    guard !seconds.isEmpty else { return nil }
    return seconds[seconds.count / 2]
  }

  /// Records a finished trial; returns the selection so far, or nil while no trial was scored.
  /// Only the models of the cheapest trials within one standard error of the top are kept.
  func record(_ trial: Trial, model: Result<TrainedModel, PipelineError>) -> TrialSelection? {
    lock.lock()
    defer { lock.unlock() }
    trials.append(trial)
    switch model {
    case .success(let model) where trial.isScored:
      models[trial.number] = model
    case .failure(let error) where trial.number == 1:
      firstFailure = error
    default:
      break
    }
    guard let selection = TrialSelection(trials: trials) else { return nil }
    let band = Set(selection.withinOneStandardError)
    let cost = Dictionary(uniqueKeysWithValues: trials.map { ($0.number, $0.parameters) })
    let keep = models.keys.filter(band.contains)
      .sorted { (cost[$0] ?? 0, $0) < (cost[$1] ?? 0, $1) }.prefix(Self.keptModels)
    for number in models.keys where !keep.contains(number) { models[number] = nil }
    return selection
  }

  /// The trial numbered `number`.
  func trial(_ number: Int) -> Trial? {
    lock.lock()
    defer { lock.unlock() }
    return trials.first { $0.number == number }
  }

  /// The trials in number order, the selection, and the winner's model when it was kept.
  func result() throws(PipelineError) -> (
    trials: [Trial], selection: TrialSelection, model: TrainedModel?
  ) {
    lock.lock()
    defer { lock.unlock() }
    if let firstFailure { throw firstFailure }
    guard let selection = TrialSelection(trials: trials) else {
      throw .training(.cancelled(epochsCompleted: 0))
    }
    return (trials.sorted { $0.number < $1.number }, selection, models[selection.winner])
  }
}
