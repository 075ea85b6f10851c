import Foundation
import Testing

@testable import MultiTaskText

/// The tuner's trials depend only on the seed, trial 1 is the configuration as given, the kept
/// trial is the cheapest within one standard error of the highest dev score, and the budget
/// is honoured.
struct TunerTests {
  @Test func trialsDependOnlyOnTheSeed() throws {
    let fixture = try TrainingFixture()
    let tuner = Tuner(configuration: fixture.configuration, budget: 10)
    #expect(tuner.overrides(ofTrial: 1).isEmpty)
    #expect(tuner.overrides(ofTrial: 2) == tuner.overrides(ofTrial: 2))
    #expect(tuner.overrides(ofTrial: 2) != tuner.overrides(ofTrial: 3))
    var reseeded = fixture.configuration
    reseeded.training.seed += 1
    let other = Tuner(configuration: reseeded, budget: 10)
    #expect(other.overrides(ofTrial: 2) != tuner.overrides(ofTrial: 2))
    // Two tasks: their weights and the temperature are searched too.
    let keys = Set(tuner.space.map(\.key))
    #expect(keys.contains("tasks.topic.weight") && keys.contains("training.temperature"))
  }

  @Test func eachOverrideDescribesTheChangeItsTrialMakes() throws {
    let fixture = try TrainingFixture()
    let tuner = Tuner(configuration: fixture.configuration, budget: 10)
    let trial = tuner.configuration(ofTrial: 4)
    for override in tuner.overrides(ofTrial: 4) {
      let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
      switch parts[0] {
      case "training.learningRate": #expect(trial.training.learningRate == Double(parts[1]))
      case "model.dimension": #expect(trial.model.dimension == Int(parts[1]))
      case "features.wordNgrams": #expect(trial.features.wordNgrams == Int(parts[1]))
      case "features.minn": #expect(trial.features.minCharNgram == Int(parts[1]))
      case "features.maxn": #expect(trial.features.maxCharNgram == Int(parts[1]))
      case "features.buckets": #expect(trial.features.buckets == Int(parts[1]))
      default: break
      }
    }
  }

  @Test func theKeptTrialIsTheCheapestNearTheTopAndTheSearchNeverReadsTestFiles() throws {
    let fixture = try TrainingFixture(epochs: 5)
    var configuration = fixture.configuration
    for index in configuration.tasks.indices {
      configuration.tasks[index].dev = configuration.tasks[index].train
      configuration.tasks[index].test = CorpusSource(
        path: fixture.directory.url.appendingPathComponent("missing.jsonl").path, format: .jsonl)
    }
    let tuner = Tuner(configuration: configuration, budget: 60, parallelTrials: 2)
    let result = try tuner.run(maximumTrials: 4)
    #expect(result.trials.map(\.number) == [1, 2, 3, 4])
    let scored = result.trials.filter(\.isScored)
    let top = try #require(scored.map(\.objective).max())
    #expect(result.selection.topScore == top)
    #expect(result.best.objective >= top - result.selection.standardError)
    let band = scored.filter { $0.objective >= top - result.selection.standardError }
    #expect(result.best.parameters == band.map(\.parameters).min())
    #expect(scored.allSatisfy { $0.parameters > 0 })
    #expect(result.trials.allSatisfy { $0.failure != nil || !$0.devScores.isEmpty })
  }

  /// A search ends near its budget: no trial starts that the typical trial would not finish
  /// in time, and one still training when the time is up is cut, recorded as cut by the
  /// budget rather than as failed. Trial 1 always finishes.
  @Test func theBudgetEndsTheSearchAndCutTrialsAreNotFailures() throws {
    let fixture = try TrainingFixture(epochs: 5)
    var configuration = fixture.configuration
    for index in configuration.tasks.indices {
      configuration.tasks[index].dev = configuration.tasks[index].train
    }
    let budget = 1.5
    let tuner = Tuner(configuration: configuration, budget: budget, parallelTrials: 2)
    let clock = ContinuousClock()
    let start = clock.now
    let result = try tuner.run()
    let elapsed = start.duration(to: clock.now)
    let first = try #require(result.trials.first)
    #expect(first.isScored)
    // The search takes the budget, or trial 1 when that is longer, plus at most a moment (a
    // poll between steps, and training the kept trial again if its model was set aside).
    let allowed = max(budget, first.seconds) + 1.0 + (result.best.seconds)
    #expect(elapsed < .milliseconds(Int(allowed * 1000)), "took \(elapsed), budget \(budget)")
    #expect(result.trials.allSatisfy { $0.failure == nil }, "\(result.trials.map(\.failure))")
    for trial in result.trials where trial.cut != nil {
      #expect(trial.cut == .budget)
      #expect(trial.finishedAt >= budget - 0.05)
    }
    #expect(result.trials.map(\.number) == Array(1...result.trials.count))
  }
}

/// Breiman's one-standard-error rule: every trial within one standard error of the top score
/// ties with it, and the cheapest of those is kept.
struct TrialSelectionTests {
  static func trial(
    _ number: Int, _ objective: Double, parameters: Int = 1_000, documents: Int = 400
  ) -> Trial {
    var trial = Trial(number: number, overrides: [])
    trial.objective = objective
    trial.devDocuments = documents
    trial.parameters = parameters
    return trial
  }

  @Test func theCheapestTrialWithinOneStandardErrorOfTheTopIsKept() throws {
    // √(0.8 × 0.2 / 400) = 0.02: 0.785 ties with the top 0.8, 0.77 does not.
    let selection = try #require(
      TrialSelection(trials: [
        Self.trial(1, 0.785, parameters: 5_000), Self.trial(2, 0.8, parameters: 9_000),
        Self.trial(3, 0.77, parameters: 100), Self.trial(4, 0.79, parameters: 2_000),
      ]))
    #expect(selection.top == 2)
    #expect(abs(selection.standardError - 0.02) < 1e-12)
    #expect(selection.withinOneStandardError == [1, 2, 4])
    #expect(selection.winner == 4)
  }

  @Test func theTopIsKeptWhenNothingNearItIsCheaperAndTheOrderDoesNotMatter() throws {
    let trials = [
      Self.trial(1, 0.8, parameters: 1_000), Self.trial(2, 0.9, parameters: 1_000),
      Self.trial(3, 0.9, parameters: 1_000),
    ]
    #expect(TrialSelection(trials: trials)?.winner == 2)
    #expect(TrialSelection(trials: trials.reversed())?.winner == 2)
  }

  @Test func theMarginIsAtLeastHalfAPointAndFailedOrCutTrialsNeverWin() throws {
    let wide = try #require(TrialSelection(trials: [Self.trial(1, 0.99, documents: 100_000)]))
    #expect(wide.standardError == 0.005)
    var failed = Self.trial(2, 0.99, parameters: 1)
    failed.failure = "diverged"
    var cut = Self.trial(3, 0.99, parameters: 1)
    cut.cut = .budget
    #expect(TrialSelection(trials: [Self.trial(1, 0.5), failed, cut])?.winner == 1)
    #expect(TrialSelection(trials: [failed, cut]) == nil)
  }
}
