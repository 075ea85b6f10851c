/// What a tuning search tried, for the report: each trial's dev score and when it finished,
/// and the winning settings.
public struct TuningSummary: Sendable, Equatable, Codable {
  /// One trial.
  public struct Point: Sendable, Equatable, Codable {
    /// The trial's number, from 1.
    public var trial: Int
    /// Its dev score, the tuner's objective; nil for a trial that failed.
    public var score: Double?
    /// Seconds from the start of the search to the trial's end.
    public var finishedAt: Double

    /// Creates a point.
    ///
    /// - Parameters:
    ///   - trial: The trial's number.
    ///   - score: Its dev score, or nil when it failed.
    ///   - finishedAt: When it finished, in seconds from the start.
    public init(trial: Int, score: Double?, finishedAt: Double) {
      self.trial = trial
      self.score = score.flatMap { $0.isFinite ? $0 : nil }
      self.finishedAt = finishedAt.isFinite ? finishedAt : 0
    }
  }

  /// Every trial, by number.
  public var trials: [Point]
  /// The best trial's number.
  public var best: Int
  /// The best trial's overrides, as `--set` takes them.
  public var bestSettings: [String]

  /// Creates a summary.
  ///
  /// - Parameters:
  ///   - trials: Every trial, by number.
  ///   - best: The best trial's number.
  ///   - bestSettings: The best trial's overrides.
  public init(trials: [Point], best: Int, bestSettings: [String]) {
    self.trials = trials
    self.best = best
    self.bestSettings = bestSettings
  }
}
