/// Says out loud when training stopped too early or went on too long, from the dev curve:
/// one line per sign, each naming the setting to change.
///
/// A run that ends while dev accuracy is still climbing steeply looks finished to a user who
/// only reads the test score; so does one whose dev accuracy peaked epochs before the end.
/// Without dev data there is no curve to read, and nothing is said.
enum TrainingAdvice {
  /// How much the mean dev accuracy must rise over the last epoch, or fall from its peak, in
  /// points, before it is worth a line: about one document in a hundred.
  static let threshold = 0.01

  /// The lines for a finished run.
  ///
  /// - Parameters:
  ///   - history: The epochs with their dev accuracies, and the kept epoch.
  ///   - training: The settings the run used.
  static func lines(history: TrainingHistory, training: TrainingConfiguration) -> [String] {
    let means = history.epochs.compactMap { epoch -> (epoch: Int, accuracy: Double)? in
      let values = history.selectingScores(of: epoch).values.filter(\.isFinite)
      guard !values.isEmpty else { return nil }
      return (epoch.epoch, values.reduce(0, +) / Double(values.count))
    }
    guard let last = means.last, means.count == history.epochs.count else { return [] }
    // The score that selects epochs, named: a multi-label task's is macro-F1, not accuracy.
    let name = "dev " + (history.sharedMetric?.description ?? "score")
    let asPercent = history.selectsOnAccuracy
    func percent(_ value: Double) -> String {
      asPercent ? Self.percent(value) : ReportNumberFormat.decimal(value, digits: 4)
    }
    let kept = history.keptEpoch ?? last.epoch
    if training.automaticEpochs {
      guard kept == training.epochs, last.epoch == training.epochs else { return [] }
      return [
        "the dev score was still improving at the last allowed epoch (\(training.epochs)):"
          + " raise training.maxEpochs"
      ]
    }
    var lines: [String] = []
    if means.count >= 2 {
      let previous = means[means.count - 2]
      if last.accuracy - previous.accuracy >= threshold, kept == last.epoch {
        lines.append(
          "\(name) was still rising at the last epoch (\(percent(previous.accuracy)) →"
            + " \(percent(last.accuracy))): set training.epochs: auto, or train more epochs")
      }
    }
    if let best = means.max(by: { $0.accuracy < $1.accuracy }), !training.keepBestEpoch,
      best.accuracy - last.accuracy >= threshold, last.epoch - best.epoch >= 2
    {
      lines.append(
        "\(name) peaked at epoch \(best.epoch) (\(percent(best.accuracy))) and ended at"
          + " \(percent(last.accuracy)): set training.epochs: auto, or"
          + " training.keepBestEpoch: true")
    }
    return lines
  }

  private static func percent(_ value: Double) -> String {
    let tenths = (value * 1000).rounded() / 10
    return "\(tenths)%"
  }
}
