import Dispatch
import Foundation

/// `mtl tune`: a search for the settings that score best on dev data, within a time budget.
///
/// Trial 1 is the configuration as given, so the search never returns a configuration that
/// scored worse than the defaults by more than chance. Then each trial draws one value of every ``TunableSetting`` from the seed's own
/// stream. Epochs are always automatic, so every trial stops early once its dev score stops
/// improving, which is what makes random search affordable (successive halving, in effect,
/// within each trial).
///
/// - Trials run on every core, one thread each, so each is deterministic.
/// - The list of trials depends only on the seed; how many fit in the budget depends on the
///   machine.
/// - Test files are never read: trials train on the training files and score on the dev files,
///   or on a held-out slice.
/// - The trial kept is not always the highest-scoring one: see ``TrialSelection``.
public struct Tuner: Sendable {
  /// What is tuned.
  public let configuration: PipelineConfiguration
  /// The search space.
  public let space: [TunableSetting]
  /// How long the search may take, in seconds. No trial starts that the median trial so far
  /// would not finish in the time left, and a trial still training when the time is up is cut
  /// (recorded as ``Trial/Cut/budget``, not as a failure). Trial 1, the configuration as
  /// given, always finishes: the search needs its score.
  public let budget: Double
  /// The task whose dev score is maximized, or nil for the mean over tasks.
  public let objective: String?
  /// Trials run at once.
  public let parallelTrials: Int

  /// What the tuner reports.
  public enum Event: Sendable {
    /// A trial finished, failed or was cut; `best` is the trial the search would keep now
    /// (see ``TrialSelection``), nil while no trial has been scored.
    case trialFinished(Trial, best: Trial?, elapsed: Double)
    /// The kept trial's model was dropped to save memory while later trials led, so the trial
    /// is trained again (deterministically, to the same model).
    case retraining(Trial)
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
  /// - Returns: Every trial in order, the selection, and the kept trial's model.
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
    let budget = budget
    let work: @Sendable (Int) -> Void = { _ in
      while let number = search.nextTrial(
        limit: maximumTrials,
        mayStart: { number, typical in
          number == 1 || (!shouldStop() && elapsed() + (typical ?? 0) < budget)
        })
      {
        let began = elapsed()
        var trial = Trial(number: number, overrides: overrides(ofTrial: number))
        let outOfTime: @Sendable () -> Bool = { number > 1 && elapsed() >= budget }
        let outcome = Self.runTrial(
          configuration(ofTrial: number), objective: objective, trial: &trial,
          shouldStop: { shouldStop() || outOfTime() })
        if case .failure(.training(.cancelled)) = outcome {
          trial.failure = nil
          trial.cut = shouldStop() ? .request : .budget
        }
        trial.seconds = elapsed() - began
        trial.finishedAt = elapsed()
        let best = search.record(trial, model: outcome).flatMap { search.trial($0.winner) }
        onEvent(.trialFinished(trial, best: best, elapsed: trial.finishedAt))
      }
    }
    if parallelTrials == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: parallelTrials, execute: work)
    }
    let (trials, selection, kept) = try search.result()
    guard let best = trials.first(where: { $0.number == selection.winner }) else {
      throw .training(.cancelled(epochsCompleted: 0))
    }
    if let kept {
      return TuningResult(trials: trials, best: best, selection: selection, trained: kept)
    }
    onEvent(.retraining(best))
    var again = best
    switch Self.runTrial(
      configuration(ofTrial: best.number), objective: objective, trial: &again,
      shouldStop: { false })
    {
    case .success(let trained):
      return TuningResult(trials: trials, best: best, selection: selection, trained: trained)
    case .failure(let error): throw error
    }
  }

  /// Trains one trial and fills in its scores and cost; returns its model, or the error.
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
      trial.parameters = parameterCount(trained.model)
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

  /// The numbers `model` stores: the embedding rows it keeps times the dimension, every head,
  /// and any private embeddings.
  static func parameterCount(_ model: MultiTaskModel) -> Int {
    let table = model.embeddings
    let rows = table.isCompact ? table.storedRows.count : table.rows
    let heads = model.heads.map { $0.rows * $0.columns }.reduce(0, +)
    let extra = model.privateEmbeddings.map { $0.rows * $0.columns }.reduce(0, +)
    return rows * table.columns + heads + extra
  }
}

/// What a search found.
public struct TuningResult: Sendable {
  /// Every trial, by number: scored, failed or cut.
  public let trials: [Trial]
  /// The kept trial: the cheapest within one standard error of the highest dev score.
  public let best: Trial
  /// How ``best`` was chosen: the top trial, its standard error and the trials tied with it.
  public let selection: TrialSelection
  /// The best trial's model and history.
  public let trained: TrainedModel
}
