/// A trained model's score on dev data, and what it takes to beat it: the score of a
/// choice the pipeline or the tuner makes between configurations.
///
/// The score is the mean of each task's selection metric at the kept epoch (or one task's,
/// for the tuner's `--objective`). The number of dev documents matters as much as the score:
/// on 99 dev documents one document is a point, so a small gain is chance.
struct DevScore: Sendable, Equatable {
  /// The least a challenger must gain: half a point.
  static let smallestMargin = 0.005

  /// The score, from 0 to 1.
  var value: Double
  /// The dev documents it came from (a dev file's records, or the held-out slice).
  var documents: Int

  /// How much higher another configuration's score must be to replace this one: one
  /// standard error of this score, `√(p(1 − p) / n)` over its `n` dev documents, and at
  /// least ``smallestMargin``.
  ///
  /// The best of several noisy dev scores is biased upwards, and a small dev set rewards
  /// luck (the winner's curse). This is Breiman's one-standard-error rule: the configuration
  /// already held keeps its place unless beaten by more than chance would explain. On cr's
  /// 359 dev documents that is about 2 points.
  var margin: Double {
    guard documents > 0 else { return Self.smallestMargin }
    let score = min(max(value, 0), 1)
    return max(Self.smallestMargin, (score * (1 - score) / Double(documents)).squareRoot())
  }

  /// Whether `challenger` beats this score by more than ``margin``.
  func isBeaten(by challenger: Double) -> Bool { challenger > value + margin }
}
