import Foundation
import Testing

@testable import MultiTaskText

/// The tuner's trials depend only on the seed, trial 1 is the configuration as given, and the
/// best trial is the one with the highest dev score.
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

  @Test func theBestTrialHasTheHighestDevScoreAndTheSearchNeverReadsTestFiles() throws {
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
    let best = result.trials.filter { $0.failure == nil }.map(\.objective).max()
    #expect(result.best.objective == best)
    #expect(result.trials.allSatisfy { $0.failure != nil || !$0.devScores.isEmpty })
  }
}

/// The one-standard-error rule: a later trial replaces the best only by more than chance.
struct TrialSelectionTests {
  static func trial(_ number: Int, _ objective: Double, documents: Int = 400) -> Trial {
    var trial = Trial(number: number, overrides: [])
    trial.objective = objective
    trial.devDocuments = documents
    return trial
  }

  @Test func aWinWithinOneStandardErrorKeepsTheEarlierTrial() {
    // √(0.8 × 0.2 / 400) = 0.02.
    #expect(SearchState.margin(over: Self.trial(1, 0.8)) == 0.02)
    let close = SearchState.best(of: [Self.trial(2, 0.815), Self.trial(1, 0.8)])
    #expect(close?.number == 1)
    let clear = SearchState.best(of: [Self.trial(1, 0.8), Self.trial(2, 0.83)])
    #expect(clear?.number == 2)
  }

  @Test func theMarginIsAtLeastHalfAPointAndFailuresNeverWin() {
    #expect(SearchState.margin(over: Self.trial(1, 0.99, documents: 100_000)) == 0.005)
    var failed = Self.trial(2, 0.99)
    failed.failure = "diverged"
    #expect(SearchState.best(of: [Self.trial(1, 0.5), failed])?.number == 1)
  }
}
