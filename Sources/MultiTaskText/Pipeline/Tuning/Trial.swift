/// One configuration the tuner tried, and how it scored on dev data.
public struct Trial: Sendable {
  /// Why a trial stopped before its last epoch without failing.
  public enum Cut: String, Sendable, Codable {
    /// The search's time budget ran out while the trial was training.
    case budget
    /// The user asked the search to stop (Ctrl-C).
    case request
  }

  /// The trial's number, from 1; trial 1 is the configuration as given.
  public let number: Int
  /// The overrides that make this trial's configuration from the given one.
  public let overrides: [String]
  /// Each task's dev score at the kept epoch, by its metric.
  public var devScores: [String: Double] = [:]
  /// The score the tuner maximizes: the mean of the tasks' dev scores, or one task's.
  public var objective: Double = -1
  /// The dev documents the scores came from (a dev file's records, or the held-out slice):
  /// what sets how much a score can differ by chance.
  public var devDocuments = 0
  /// Epochs trained, and the one kept.
  public var epochs = 0
  /// The epoch whose parameters the trial kept.
  public var keptEpoch = 0
  /// The numbers the trial's model stores (the embedding rows it keeps times the dimension,
  /// plus every head): its cost, which decides between trials whose scores differ by less
  /// than chance (see ``TrialSelection``).
  public var parameters = 0
  /// Seconds from the start of the search to the trial's end.
  public var finishedAt = 0.0
  /// Seconds the trial took.
  public var seconds = 0.0
  /// Why the trial failed, when it did (a setting that diverged, say); its objective is then
  /// -1.
  public var failure: String?
  /// Why the trial was stopped before it finished, when it was: it has no score, and it did
  /// not fail.
  public var cut: Cut?

  /// Whether the trial trained to its end and was scored.
  public var isScored: Bool { failure == nil && cut == nil }
}
