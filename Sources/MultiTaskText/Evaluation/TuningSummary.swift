/// What a tuning search tried, for the report: every trial with its dev score, cost, time and
/// settings, and how the kept trial was chosen (Breiman's one-standard-error rule: the
/// cheapest trial within one standard error of the highest score).
public struct TuningSummary: Sendable, Equatable, Codable {
  /// How a trial ended.
  public enum Outcome: String, Sendable, Equatable, Codable {
    /// It trained to its end and was scored on dev data.
    case scored
    /// It failed (a setting that diverged, say).
    case failed
    /// The time budget ran out while it trained.
    case cutByBudget
    /// The search was interrupted while it trained.
    case interrupted
  }

  /// One trial.
  public struct Point: Sendable, Equatable, Codable {
    /// The trial's number, from 1.
    public var trial: Int
    /// Its dev score, the tuner's objective; nil for a trial that failed or was cut.
    public var score: Double?
    /// Seconds from the start of the search to the trial's end.
    public var finishedAt: Double
    /// How the trial ended.
    public var outcome: Outcome = .scored
    /// Seconds the trial took.
    public var seconds: Double = 0
    /// The numbers its model stores: its cost.
    public var parameters: Int = 0
    /// Epochs trained, and the one kept.
    public var epochs: Int = 0
    /// The epoch whose parameters the trial kept.
    public var keptEpoch: Int = 0
    /// Its overrides of the given configuration, as `--set` takes them; empty for trial 1.
    public var settings: [String] = []
    /// Why it failed, when it did.
    public var failure: String?

    /// Creates a point.
    ///
    /// - Parameters:
    ///   - trial: The trial's number.
    ///   - score: Its dev score, or nil when it failed or was cut.
    ///   - finishedAt: When it finished, in seconds from the start.
    public init(trial: Int, score: Double?, finishedAt: Double) {
      self.trial = trial
      self.score = score.flatMap { $0.isFinite ? $0 : nil }
      self.finishedAt = finishedAt.isFinite ? finishedAt : 0
      if self.score == nil { outcome = .failed }
    }
  }

  /// Every trial, by number.
  public var trials: [Point]
  /// The kept trial's number.
  public var best: Int
  /// The kept trial's overrides, as `--set` takes them.
  public var bestSettings: [String]
  /// The trial with the highest dev score; nil in reports written before it was recorded.
  public var top: Int?
  /// One standard error of the top score: the width of the band of trials tied with it.
  public var standardError: Double?
  /// The dev documents the scores came from.
  public var developmentDocuments: Int?
  /// The task whose dev score was maximized, or nil for the mean over tasks.
  public var objective: String?

  /// Creates a summary.
  ///
  /// - Parameters:
  ///   - trials: Every trial, by number.
  ///   - best: The kept trial's number.
  ///   - bestSettings: The kept trial's overrides.
  public init(trials: [Point], best: Int, bestSettings: [String]) {
    self.trials = trials
    self.best = best
    self.bestSettings = bestSettings
  }

  /// The scored trials, highest score first; ties go to the lower trial number.
  public var ranked: [Point] {
    trials.filter { $0.score != nil }.sorted {
      ($0.score ?? 0, -$0.trial) > ($1.score ?? 0, -$1.trial)
    }
  }

  /// Whether `point` scored within one standard error of the top.
  public func isWithinOneStandardError(_ point: Point) -> Bool {
    guard let score = point.score, let standardError, let top = topScore else { return false }
    return score >= top - standardError - 1e-12
  }

  /// The highest dev score.
  public var topScore: Double? { ranked.first?.score }
}
