/// What the trainer reports while it works. The trainer never prints: the CLI turns these
/// into a progress line, a library user into whatever they like.
public enum TrainingEvent: Sendable {
  /// The training corpora were read and featurized.
  case corporaRead(documents: Int, tokens: Int, vocabulary: Int, labelsPerTask: [Int])
  /// What reading the training and dev files counted, one entry per file read: records
  /// skipped as invalid (with `skipInvalid`) and lines whose invalid UTF-8 was repaired.
  /// Sent once, after the corpora are read and before the first epoch.
  case corpusStatistics([CorpusStatistics])
  /// A periodic update from inside an epoch.
  case progress(TrainingProgress)
  /// An epoch ended; `averageLoss` holds each task's mean weighted loss over it (nil for a
  /// task that saw no example), and `devAccuracy` each task's accuracy on its dev file (nil
  /// without one).
  case epochFinished(epoch: Int, averageLoss: [Double?], devAccuracy: [Double?])
  /// Training ended by restoring the parameters of the epoch with the best mean dev accuracy.
  case keptEpoch(Int)
  /// Per-task early stopping stopped a task after `epoch`, restoring its head from
  /// `keptEpoch`.
  case taskStopped(task: Int, epoch: Int, keptEpoch: Int)
}

/// A snapshot of training progress.
public struct TrainingProgress: Sendable, Equatable {
  /// The current epoch, from 1.
  public var epoch: Int
  /// The number of epochs.
  public var epochs: Int
  /// The fraction of all training steps done, 0...1.
  public var fraction: Double
  /// The learning rate now.
  public var learningRate: Double
  /// Tokens processed per second since training started (all threads).
  public var tokensPerSecond: Double
  /// Each task's mean loss since the previous update (nil when it saw no example).
  public var averageLoss: [Double?]
  /// Seconds since training started.
  public var elapsedSeconds: Double
}
