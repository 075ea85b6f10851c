/// Which trial a search keeps: Breiman's one-standard-error rule.
///
/// The best of many noisy dev scores is biased upwards (the winner's curse), so the trial
/// with the highest score is not simply taken. Its score has a standard error,
/// `√(p(1 − p) / n)` over its `n` dev documents (at least half a point, 0.005);
/// every trial that scored within one standard error of the top is as good as the top as far
/// as the dev data can tell. Of those, the cheapest is kept: the one whose model stores the
/// fewest numbers (``Trial/parameters``), then the lower trial number. With macro-F1 or
/// another metric the binomial formula is an approximation, and a conservative one for
/// accuracy-like scores.
///
/// The choice depends only on which trials finished, not on the order they finished in.
public struct TrialSelection: Sendable, Equatable {
  /// The trial with the highest dev score; the lower number on a tie.
  public let top: Int
  /// Its dev score, the tuner's objective.
  public let topScore: Double
  /// One standard error of the top score: how far below it a trial still counts as tied.
  public let standardError: Double
  /// The dev documents the top score came from.
  public let developmentDocuments: Int
  /// The trial kept: the cheapest within one standard error of the top.
  public let winner: Int
  /// The trials within one standard error of the top, by number.
  public let withinOneStandardError: [Int]

  /// The lowest score within one standard error of the top.
  public var floor: Double { topScore - standardError }

  /// Applies the rule to `trials`; nil when none was scored.
  ///
  /// - Parameter trials: The trials so far, in any order; failed and cut ones are ignored.
  public init?(trials: [Trial]) {
    let scored = trials.filter(\.isScored).sorted { $0.number < $1.number }
    guard
      let top = scored.max(by: {
        $0.objective < $1.objective || ($0.objective == $1.objective && $0.number > $1.number)
      })
    else { return nil }
    let margin = DevScore(value: top.objective, documents: top.devDocuments).margin
    // A hair of slack, so a score exactly on the band's edge is inside it in spite of rounding.
    let band = scored.filter { $0.objective >= top.objective - margin - 1e-12 }
    let winner = band.min {
      ($0.parameters, $0.number) < ($1.parameters, $1.number)
    }
    self.top = top.number
    self.topScore = top.objective
    self.standardError = margin
    self.developmentDocuments = top.devDocuments
    self.winner = winner?.number ?? top.number
    self.withinOneStandardError = band.map(\.number)
  }
}
