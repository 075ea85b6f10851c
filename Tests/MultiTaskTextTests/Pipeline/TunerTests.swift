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
