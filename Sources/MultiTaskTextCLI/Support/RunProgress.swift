import MultiTaskText

/// Where a whole run stands, across every model it trains, for the live line.
///
/// A run may train twice: automatic character n-grams train a second model for dev to
/// choose from. The percentage and the time left then cover both, so the bar never starts
/// again at 0%. With automatic epochs nobody knows the total: a dev plateau ends training,
/// usually long before the maximum. There is then no percentage, and the time left is a
/// lower bound from the plateau rule (``TrainingProgress/earliestLastEpoch``), not a
/// guess from the maximum.
struct RunProgress {
  /// The trainer's latest report, about the training under way.
  var current: TrainingProgress
  /// The training under way, from 1.
  var training = 1
  /// How many models the run trains.
  var trainings = 1
  /// Seconds since the first training started, every training so far together; shown as
  /// the time elapsed.
  var elapsedSeconds: Double
  /// With automatic epochs, the fewest epochs a training can take (the earliest last epoch
  /// seen during the first epoch), for the trainings still to come.
  var leastEpochsPerTraining: Int?

  /// The least epochs done of the training under way before its speed is trusted for an
  /// estimate: the first moments of a run include warming up.
  static let epochsBeforeEstimate = 0.05

  /// Whether the number of epochs is chosen on dev, so that the total is unknown.
  var isAutomatic: Bool { current.earliestLastEpoch != nil }

  /// The epochs done in the training under way, with the fraction of the current one.
  var epochsDone: Double { current.fraction * Double(current.epochs) }

  /// The fraction of the whole run done, 0...1; nil with automatic epochs, whose total is
  /// unknown.
  var fraction: Double? {
    guard !isAutomatic else { return nil }
    let runs = Double(max(trainings, training))
    return min(1, max(0, (Double(training - 1) + current.fraction) / runs))
  }

  /// Whether ``remainingSeconds`` is only a lower bound: with automatic epochs, and while a
  /// later training is still to come, which trains with character n-grams and so is never
  /// faster than the one under way.
  var remainingIsLowerBound: Bool { isAutomatic || training < trainings }

  /// The seconds left, from the speed of the training under way: with a fixed number of
  /// epochs, the rest of this training plus as long again for each later one; with
  /// automatic epochs, the least time left should dev stop improving now. nil until there is
  /// enough to go on.
  var remainingSeconds: Double? {
    let laterTrainings = Double(max(0, trainings - training))
    guard let earliest = current.earliestLastEpoch else {
      guard current.fraction > 0 else { return nil }
      let trainingSeconds = current.elapsedSeconds / current.fraction
      return trainingSeconds * (1 - current.fraction) + laterTrainings * trainingSeconds
    }
    guard epochsDone >= Self.epochsBeforeEstimate else { return nil }
    let secondsPerEpoch = current.elapsedSeconds / epochsDone
    let laterEpochs = laterTrainings * Double(leastEpochsPerTraining ?? 1)
    return (max(0, Double(earliest) - epochsDone) + laterEpochs) * secondsPerEpoch
  }
}
