import Testing

@testable import MultiTaskText

/// A run that stopped too early, or went on too long, says so with the setting to change.
struct TrainingAdviceTests {
  static func history(_ accuracies: [Double], kept: Int? = nil) -> TrainingHistory {
    TrainingHistory(
      epochs: accuracies.enumerated().map { index, accuracy in
        TrainingHistory.Epoch(epoch: index + 1, loss: ["t": 1], devAccuracy: ["t": accuracy])
      }, keptEpoch: kept)
  }

  @Test func aCurveStillClimbingAtTheLastFixedEpochSaysTrainLonger() {
    let lines = TrainingAdvice.lines(
      history: Self.history([0.237, 0.4, 0.5, 0.58, 0.628]),
      training: TrainingConfiguration(epochs: 5))
    #expect(lines.count == 1)
    #expect(lines.first?.contains("58.0% → 62.8%") == true)
    #expect(lines.first?.contains("training.epochs: auto") == true)
  }

  @Test func aCurveThatPeakedEarlySaysKeepTheBest() {
    let lines = TrainingAdvice.lines(
      history: Self.history([0.7, 0.8, 0.78, 0.76, 0.75]),
      training: TrainingConfiguration(epochs: 5))
    #expect(lines.count == 1)
    #expect(lines.first?.contains("peaked at epoch 2") == true)
  }

  @Test func automaticEpochsThatUsedThemAllSayRaiseTheMaximum() {
    let lines = TrainingAdvice.lines(
      history: Self.history([0.5, 0.6, 0.7]), training: TrainingConfiguration(epochs: nil))
    #expect(lines.isEmpty)
    var training = TrainingConfiguration()
    training.epochCount = .automatic(maximum: 3)
    let more = TrainingAdvice.lines(history: Self.history([0.5, 0.6, 0.7]), training: training)
    #expect(more.first?.contains("training.maxEpochs") == true)
  }

  @Test func aFlatCurveOrNoDevDataSaysNothing() {
    #expect(
      TrainingAdvice.lines(
        history: Self.history([0.8, 0.8, 0.8]), training: TrainingConfiguration(epochs: 3)
      ).isEmpty)
    let noDev = TrainingHistory(
      epochs: [TrainingHistory.Epoch(epoch: 1, loss: ["t": 1], devAccuracy: [:])])
    #expect(
      TrainingAdvice.lines(history: noDev, training: TrainingConfiguration(epochs: 1)).isEmpty)
  }
}
