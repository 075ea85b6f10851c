import MultiTaskText
import Testing

@testable import MultiTaskTextCLI

/// The live line fits the terminal: a wrapped line leaves a stale half-line behind, because
/// `\r` returns to the start of the last row only.
struct ProgressLineTests {
  static let progress = TrainingProgress(
    epoch: 3, epochs: 30, fraction: 0.423, learningRate: 0.08, tokensPerSecond: 1_234_000,
    averageLoss: TaskValues(
      tasks: ["topic", "sentiment", "spam", "language"], values: [0.1234, 0.5, 0.25, nil]),
    elapsedSeconds: 65)
  static let run = RunProgress(current: progress, elapsedSeconds: 65)

  @Test(arguments: [40, 60, 79, 100, 200])
  func fitsTheWidthAndKeepsPercentTimeLeftAndElapsed(width: Int) {
    let line = ProgressLine(width: width).render(Self.run)
    #expect(line.count <= width)
    #expect(line.contains("42.3%"))
    #expect(line.contains("ETA 1m29s"))
    #expect(line.contains("elapsed 1m05s"))
  }

  @Test func losesTaskLossesFirstAndSaysSo() {
    let narrow = ProgressLine(width: 79).render(Self.run)
    #expect(narrow.contains("["))
    #expect(!narrow.contains("language -"))
    #expect(narrow.hasSuffix(" …") || !narrow.contains("loss"))
    let wide = ProgressLine(width: 200).render(Self.run)
    #expect(wide.contains("loss topic 0.1234, sentiment 0.5000, spam 0.2500, language -"))
    #expect(wide.contains("1234k tokens/s"))
    #expect(wide.hasPrefix("[########"))
  }

  /// The second of two trainings goes on from 50%: one bar across both, and the time left
  /// counts the whole run.
  @Test(arguments: [40, 79, 200])
  func theSecondTrainingGoesOnFromHalfway(width: Int) {
    var progress = Self.progress
    progress.fraction = 0.2
    progress.elapsedSeconds = 10
    let run = RunProgress(current: progress, training: 2, trainings: 2, elapsedSeconds: 60)
    #expect(run.fraction == 0.6)
    let line = ProgressLine(width: width).render(run)
    #expect(line.count <= width)
    #expect(line.contains("60.0%"))
    #expect(line.contains("ETA 40s"))
    #expect(line.contains(width >= 79 ? "epoch 3/30, training 2/2" : "3/30 (2/2)"))
  }

  /// While the first of two trainings runs, the time left counts the second as taking as
  /// long, and says that this is a lower bound: it trains with character n-grams, which is
  /// never faster.
  @Test func theFirstOfTwoTrainingsShowsALowerBound() {
    var progress = Self.progress
    progress.fraction = 0.5
    progress.elapsedSeconds = 10
    let run = RunProgress(current: progress, training: 1, trainings: 2, elapsedSeconds: 10)
    #expect(run.fraction == 0.25)
    #expect(run.remainingSeconds == 30)
    let line = ProgressLine(width: 100).render(run)
    #expect(line.contains(" 25.0% epoch 3/30, training 1/2 at least 30s left elapsed 10s"))
    #expect(!line.contains("ETA"))
  }

  /// Automatic epochs: no percentage and no time left from the maximum of 30, but the least
  /// time left from the plateau rule, said to be a lower bound.
  @Test(arguments: [40, 79, 200])
  func automaticEpochsShowTheLeastTimeLeftAndNoPercentage(width: Int) {
    var progress = Self.progress
    // 2.5 epochs of 30 done in 10 s: 4 s an epoch; the plateau rule can stop after epoch 5.
    progress.fraction = 2.5 / 30
    progress.elapsedSeconds = 10
    progress.earliestLastEpoch = 5
    let run = RunProgress(current: progress, elapsedSeconds: 10)
    #expect(run.fraction == nil)
    #expect(run.remainingSeconds == 10)
    let line = ProgressLine(width: width).render(run)
    #expect(line.count <= width)
    #expect(!line.contains("%"))
    #expect(!line.contains("ETA"))
    #expect(!line.contains("/30"))
    #expect(!line.contains("["))
    #expect(
      line.contains(width >= 79 ? "epoch 3 of 5–30 at least 10s left" : "3 of 5–30 ≥10s left"))
  }

  /// A second training still to come adds the fewest epochs a training can take.
  @Test func theLeastTimeLeftCountsATrainingStillToCome() {
    var progress = Self.progress
    progress.fraction = 2.5 / 30
    progress.elapsedSeconds = 10
    progress.earliestLastEpoch = 5
    let run = RunProgress(
      current: progress, training: 1, trainings: 2, elapsedSeconds: 10, leastEpochsPerTraining: 4)
    #expect(run.remainingSeconds == 26)
  }

  /// No estimate from the first moments of a training.
  @Test func noTimeLeftBeforeThereIsAnythingToGoOn() {
    var progress = Self.progress
    progress.fraction = 0.001
    progress.earliestLastEpoch = 4
    let line = ProgressLine(width: 100).render(RunProgress(current: progress, elapsedSeconds: 1))
    #expect(!line.contains("left"))
    #expect(line.contains("epoch 3 of 4–30 elapsed 1s"))
  }
}
