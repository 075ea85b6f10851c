/// What the trainer reports while it works. The trainer never prints: the CLI turns these
/// into a progress line, a library user into whatever they like. Per-task figures are keyed
/// by task name.
public enum TrainingEvent: Sendable {
  /// Training starts on the featurized corpus; `labels` holds each task's label count.
  case started(documents: Int, tokens: Int, vocabulary: Int, labels: TaskValues<Int>)
  /// A periodic update from inside an epoch.
  case progress(TrainingProgress)
  /// An epoch ended.
  case epochFinished(EpochSummary)
  /// Pretrained vectors started the rows of `words` vocabulary words.
  case pretrainedVectors(words: Int)
  /// No dev data was given, so `documents` training documents were held out to choose the
  /// number of epochs on.
  case heldOut(documents: Int)
  /// Automatic epochs stopped training after `epoch`: no better dev score for `patience`
  /// epochs since `bestEpoch`.
  case stoppedEarly(epoch: Int, bestEpoch: Int)
  /// Training ended by restoring the parameters of the epoch with the best mean dev score,
  /// each task by its selection metric (``EpochSummary/devMetric``).
  case keptEpoch(Int)
  /// Per-task early stopping stopped task `task` after `epoch`, restoring its head from
  /// `keptEpoch`.
  case taskStopped(task: String, epoch: Int, keptEpoch: Int)
}

/// The figures of one finished epoch.
public struct EpochSummary: Sendable, Equatable {
  /// The epoch, from 1.
  public var epoch: Int
  /// Each task's mean weighted loss over the epoch; absent for a task that saw no example.
  public var loss: TaskValues<Double>
  /// Each task's accuracy on its dev documents; absent for a task without any.
  public var devAccuracy: TaskValues<Double>
  /// Each task's dev score by its own metric (``TaskSpecification/metric``), what epochs are
  /// selected on; equal to the accuracy for tasks judged by accuracy.
  public var devScore: TaskValues<Double>
  /// Each task's selection metric, the name of its ``devScore``: a multi-label task is
  /// selected on macro-F1 by default while its ``devAccuracy`` is subset accuracy, so a log
  /// or chart that shows the score must say which it is.
  public var devMetric: TaskValues<TaskMetric>
}

/// A snapshot of training progress.
public struct TrainingProgress: Sendable, Equatable {
  /// The current epoch, from 1.
  public var epoch: Int
  /// The number of epochs; with automatic epochs, the most allowed.
  public var epochs: Int
  /// The fraction of all training steps done, 0...1.
  public var fraction: Double
  /// The learning rate now.
  public var learningRate: Double
  /// Tokens processed per second since training started (all threads).
  public var tokensPerSecond: Double
  /// Each task's mean loss since the previous update; absent when it saw no example.
  public var averageLoss: TaskValues<Double>
  /// Seconds since training started.
  public var elapsedSeconds: Double
  /// With automatic epochs, the earliest epoch after which the plateau rule can stop
  /// training: the one by which dev will have stalled once more than
  /// ``TrainingConfiguration/patience`` allows, if it never improves again; never more than
  /// ``epochs``. nil with a fixed number of epochs, which always runs all ``epochs``.
  ///
  /// ``fraction`` counts against the maximum, which automatic epochs rarely reach; a display
  /// shows the least time left from this instead of a time left from the maximum.
  public var earliestLastEpoch: Int?

  /// Creates a progress report, for callers that render or replay one.
  ///
  /// - Parameters: see the properties of the same names.
  public init(
    epoch: Int, epochs: Int, fraction: Double, learningRate: Double, tokensPerSecond: Double,
    averageLoss: TaskValues<Double>, elapsedSeconds: Double, earliestLastEpoch: Int? = nil
  ) {
    self.epoch = epoch
    self.epochs = epochs
    self.fraction = fraction
    self.learningRate = learningRate
    self.tokensPerSecond = tokensPerSecond
    self.averageLoss = averageLoss
    self.elapsedSeconds = elapsedSeconds
    self.earliestLastEpoch = earliestLastEpoch
  }
}
