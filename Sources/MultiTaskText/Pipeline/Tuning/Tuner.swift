import Dispatch
import Foundation

/// `mtl tune`: a search for the settings that score best on dev data, within a time budget.
///
/// Trial 1 is the configuration as given, so the search never returns worse than the
/// defaults. Then each trial draws one value of every ``TunableSetting`` from the seed's own
/// stream. Epochs are always automatic, so every trial stops early once its dev score stops
/// improving, which is what makes random search affordable (successive halving, in effect,
/// within each trial).
///
/// - Trials run on every core, one thread each, so each is deterministic.
/// - The list of trials depends only on the seed; how many fit in the budget depends on the
///   machine.
/// - Test files are never read: trials train on the training files and score on the dev files,
///   or on a held-out slice.
public struct Tuner: Sendable {
  /// What is tuned.
  public let configuration: PipelineConfiguration
  /// The search space.
  public let space: [TunableSetting]
  /// How long the search may take; a trial running at the end finishes first.
  public let budget: Double
  /// The task whose dev score is maximized, or nil for the mean over tasks.
  public let objective: String?
  /// Trials run at once.
  public let parallelTrials: Int

  /// What the tuner reports.
  public enum Event: Sendable {
    /// A trial finished; `best` is the best so far.
    case trialFinished(Trial, best: Trial, elapsed: Double)
  }

  /// Creates a tuner.
  ///
  /// - Parameters:
  ///   - configuration: The settings to start from.
  ///   - budget: Seconds the search may take.
  ///   - objective: The task to maximize, or nil for the mean of every task's metric.
  ///   - parallelTrials: Trials at once; every core by default.
  public init(
    configuration: PipelineConfiguration, budget: Double, objective: String? = nil,
    parallelTrials: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    var configuration = configuration
    configuration.training.threads = 1
    if !configuration.training.automaticEpochs {
      configuration.training.epochCount = .automatic(
        maximum: TrainingConfiguration.defaultMaximumEpochs)
    }
    self.configuration = configuration
    self.space = TunableSetting.space(for: configuration)
    self.budget = budget
    self.objective = objective
    self.parallelTrials = max(1, parallelTrials)
  }

  /// The value index trial `number` takes for each setting of ``space``, drawn from the
  /// seed's own stream; nil for trial 1, the configuration as given.
  func choices(ofTrial number: Int) -> [Int]? {
    guard number > 1 else { return nil }
    var generator = SplitMix64(
      seed: configuration.training.seed,
      stream: SplitMix64.Stream.tuning.rawValue &+ UInt64(number))
    return space.map { Int(generator.next() % UInt64($0.values.count)) }
  }

  /// The overrides of trial `number`: none for trial 1, else one drawn value per setting.
  public func overrides(ofTrial number: Int) -> [String] {
    guard let choices = choices(ofTrial: number) else { return [] }
    return zip(space, choices).flatMap { setting, choice in setting.overrides(choice) }
  }

  /// The configuration of trial `number`: the given one with the trial's overrides.
  ///
  /// - Parameter number: The trial's number, from 1.
  /// - Returns: The configuration that trial trains.
  public func configuration(ofTrial number: Int) -> PipelineConfiguration {
    var trial = configuration
    for (setting, choice) in zip(space, choices(ofTrial: number) ?? []) {
      setting.apply(&trial, choice)
    }
    return trial
  }

  /// Runs the search.
  ///
  /// - Parameters:
  ///   - maximumTrials: Stop after this many trials even within the budget, for a run whose
  ///     result depends only on the seed.
  ///   - shouldStop: Polled between epochs; true ends the search, keeping the best so far.
  ///   - onEvent: Receives each finished trial, from the thread that ran it.
  /// - Returns: Every finished trial in order, and the best one's model.
  /// - Throws: ``PipelineError`` when even the configuration as given cannot train.
  public func run(
    maximumTrials: Int? = nil, shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (Event) -> Void = { _ in }
  ) throws(PipelineError) -> TuningResult {
    let start = ContinuousClock.now
    let search = SearchState()
    @Sendable func elapsed() -> Double {
      let duration = start.duration(to: .now)
      return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
    let work: @Sendable (Int) -> Void = { _ in
      while let number = search.nextTrial(limit: maximumTrials) {
        if number > 1 && (elapsed() >= budget || shouldStop()) { break }
        let began = elapsed()
        var trial = Trial(number: number, overrides: overrides(ofTrial: number))
        let stopping: @Sendable () -> Bool = {
          shouldStop() || (number > 1 && elapsed() >= budget * 1.5)
        }
        let outcome = Self.runTrial(
          configuration(ofTrial: number), objective: objective, trial: &trial,
          shouldStop: stopping)
        trial.seconds = elapsed() - began
        trial.finishedAt = elapsed()
        if let best = search.record(trial, model: outcome) {
          onEvent(.trialFinished(trial, best: best, elapsed: trial.finishedAt))
        }
      }
    }
    if parallelTrials == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: parallelTrials, execute: work)
    }
    let (trials, best, kept) = try search.result()
    if let kept { return TuningResult(trials: trials, best: best, trained: kept) }
    // A trial that led while it finished may have lost its lead to an earlier trial that
    // finished later; that earlier trial is trained again, deterministically.
    var again = best
    switch Self.runTrial(
      configuration(ofTrial: best.number), objective: objective, trial: &again,
      shouldStop: { false })
    {
    case .success(let trained): return TuningResult(trials: trials, best: best, trained: trained)
    case .failure(let error): throw error
    }
  }

  /// Trains one trial and fills in its scores; returns its model, or nil when it failed.
  static func runTrial(
    _ configuration: PipelineConfiguration, objective: String?, trial: inout Trial,
    shouldStop: @escaping @Sendable () -> Bool
  ) -> Result<TrainedModel, PipelineError> {
    do {
      let trained = try Pipeline(configuration: configuration).train(shouldStop: shouldStop)
      let kept = trained.history.keptEpoch ?? trained.history.epochs.count
      let values = trained.developmentScores
      trial.devScores = values
      trial.devDocuments = trained.developmentDocuments
      trial.epochs = trained.history.epochs.count
      trial.keptEpoch = kept
      if let objective {
        trial.objective = values[objective] ?? -1
      } else {
        trial.objective = values.isEmpty ? -1 : values.values.reduce(0, +) / Double(values.count)
      }
      return .success(trained)
    } catch {
      trial.failure = error.description
      return .failure(error)
    }
  }
}

/// What a search found.
public struct TuningResult: Sendable {
  /// Every finished trial, by number.
  public let trials: [Trial]
  /// The best trial: the highest objective, where a later trial must win by one standard
  /// error of the best's dev score.
  public let best: Trial
  /// The best trial's model and history.
  public let trained: TrainedModel
}
