/// Everything an evaluation found, for every task: the data behind the text, JSON, Markdown
/// and HTML reports.
///
/// The JSON form is versioned by ``currentSchemaVersion`` and keys tasks by name, so
/// `tasks.<name>.accuracy` and `tasks.<name>.macroF1` sit at fixed paths for other programs.
public struct EvaluationReport: Sendable, Equatable {
  /// The version of the JSON layout; bumped whenever a field changes meaning or moves.
  ///
  /// Version 2 stores each confusion matrix as its non-zero `cells`, and keeps the dense
  /// `counts` only up to ``TaskReport/denseConfusionLabelLimit`` labels; version 1 reports,
  /// dense only, are still read.
  public static let currentSchemaVersion = 2

  /// The model that was evaluated, as the user named it.
  public var modelPath: String?
  /// One report per task, in the model's task order.
  public var tasks: [TaskReport]
  /// Loss and dev accuracy per epoch, when the report comes from a training run.
  public var history: TrainingHistory?
  /// The trials of a tuning search, when the report comes from `mtl tune`.
  public var tuning: TuningSummary?
  /// What produced the report: program, time, configuration, seed, kept epoch, checksum.
  public var run: RunProvenance?

  /// Creates a report.
  public init(modelPath: String? = nil, tasks: [TaskReport], history: TrainingHistory? = nil) {
    self.modelPath = modelPath
    self.tasks = tasks
    self.history = history
  }

  /// The mean of the tasks' accuracies and macro-F1 scores: the summary row.
  public var summary: (accuracy: Double, macroF1: Double) {
    guard !tasks.isEmpty else { return (0, 0) }
    let count = Double(tasks.count)
    return (
      tasks.reduce(0) { $0 + $1.metrics.accuracy } / count,
      tasks.reduce(0) { $0 + $1.metrics.macroF1 } / count
    )
  }
}

/// One task's evaluation.
public struct TaskReport: Sendable, Equatable {
  /// The task's name.
  public var name: String
  /// The file the task was evaluated on.
  public var file: String
  /// Counts of true against predicted labels.
  public var confusion: ConfusionMatrix
  /// Scores derived from ``confusion``.
  public var metrics: TaskMetrics
  /// Always answering the most frequent training label: what a useless model scores.
  public var majorityBaseline: MajorityBaseline
  /// The metric the task was trained to select on, when it is not accuracy, with its value
  /// here.
  public var selection: (metric: TaskMetric, value: Double)?
  /// A multi-label task's evaluation; when present, ``metrics`` holds its subset accuracy
  /// and label macro-F1, and ``confusion`` is empty.
  public var multiLabel: MultiLabelReport? {
    didSet { if let multiLabel { metrics = multiLabel.metrics } }
  }
  /// How well a single-label task's probabilities are calibrated.
  public var calibration: CalibrationReport?
  /// Test documents without a single feature the model knows, which every task answers
  /// with its untrained prior.
  public var documentsWithoutKnownTokens = 0
  /// A single-label task's abstentions: coverage and accuracy on the answered documents.
  public var abstention: AbstentionReport?
  /// Whether each test document was answered right, in file order; not written to
  /// `report.json`, but what `mtl compare`'s paired test reads.
  public var documentOutcomes: [Bool] = []
  /// The most confident mistakes, explained, when the evaluation was asked for them.
  public var mistakes: [ExplainedMistake] = []

  /// Creates a task report from its confusion matrix.
  ///
  /// - Parameters:
  ///   - name: The task's name.
  ///   - file: The test file, as the user named it.
  ///   - confusion: The counts of true against predicted labels.
  ///   - trainingLabelCounts: Documents per model label in the training data, used to pick
  ///     the majority label; without them the test data's majority is used.
  public init(
    name: String, file: String, confusion: ConfusionMatrix, trainingLabelCounts: [Int]? = nil
  ) {
    self.name = name
    self.file = file
    self.confusion = confusion
    metrics = TaskMetrics(confusion)
    majorityBaseline = MajorityBaseline(confusion, trainingLabelCounts: trainingLabelCounts)
  }

  /// Scores the report by `metric` too; accuracy, already in ``metrics``, adds nothing.
  ///
  /// - Parameters:
  ///   - metric: The task's selection metric.
  ///   - labels: The model's labels of the task.
  public mutating func select(by metric: TaskMetric, labels: LabelSet) {
    if let multiLabel {
      selection = (metric, metric.value(multiLabel: multiLabel.counts, labels: labels))
      return
    }
    guard metric != .accuracy else { return }
    selection = (metric, metric.value(confusion: confusion, labels: labels))
  }

  /// Test labels that the model never saw in training, with how many examples had each.
  public var unseenLabels: [(label: String, examples: Int)] {
    (confusion.knownLabelCount..<confusion.labels.count).map { index in
      (confusion.labels[index], confusion.rowTotals[index])
    }
  }

  /// Whether two reports describe the same evaluation: same task, file, confusion matrix,
  /// baseline, multi-label counts and calibration. ``metrics`` is left out because it is
  /// computed from the confusion matrix (or the multi-label counts), so comparing
  /// floating-point scores again would add nothing but rounding noise.
  ///
  /// - Parameters:
  ///   - left: One report.
  ///   - right: The report to compare it with.
  /// - Returns: `true` when the stored facts of both reports are equal.
  public static func == (left: TaskReport, right: TaskReport) -> Bool {
    left.name == right.name && left.file == right.file && left.confusion == right.confusion
      && left.majorityBaseline == right.majorityBaseline
      && left.selection?.metric == right.selection?.metric
      && left.selection?.value == right.selection?.value
      && left.multiLabel == right.multiLabel && left.calibration == right.calibration
  }
}

/// The accuracy of always predicting one label.
public struct MajorityBaseline: Sendable, Equatable, Codable {
  /// The label always predicted.
  public var label: String
  /// Its accuracy on the evaluation data.
  public var accuracy: Double
  /// Where the label came from: `training` counts, or the `test` data when those are unknown.
  public var source: String

  init(_ confusion: ConfusionMatrix, trainingLabelCounts: [Int]?) {
    let support = confusion.rowTotals
    let total = confusion.total
    var index = 0
    if let counts = trainingLabelCounts, counts.count == confusion.knownLabelCount,
      let best = counts.indices.max(by: {
        counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1)
      })
    {
      index = best
      source = "training"
    } else {
      index =
        support.indices.max { support[$0] < support[$1] || (support[$0] == support[$1] && $0 > $1) }
        ?? 0
      source = "test"
    }
    label = confusion.labels.isEmpty ? "" : confusion.labels[index]
    accuracy = total > 0 && !support.isEmpty ? Double(support[index]) / Double(total) : 0
  }
}

/// What happened during training, epoch by epoch.
public struct TrainingHistory: Sendable, Equatable, Codable {
  /// One epoch's record.
  public struct Epoch: Sendable, Equatable, Codable {
    /// The epoch, from 1.
    public var epoch: Int
    /// Mean weighted training loss per task name.
    public var loss: [String: Double]
    /// Dev accuracy per task name, for tasks with a dev file (subset accuracy for a
    /// multi-label task).
    public var devAccuracy: [String: Double]
    /// Dev score per task name by the task's selection metric (``TrainingHistory/devMetrics``):
    /// what the kept epoch is chosen on. Empty in reports written before it was recorded.
    public var devScore: [String: Double]

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - epoch: The epoch, from 1.
    ///   - loss: Mean weighted training loss per task.
    ///   - devAccuracy: Dev accuracy per task.
    ///   - devScore: Dev score per task by its selection metric; empty when not recorded.
    public init(
      epoch: Int, loss: [String: Double], devAccuracy: [String: Double],
      devScore: [String: Double] = [:]
    ) {
      self.epoch = epoch
      self.loss = loss
      self.devAccuracy = devAccuracy
      self.devScore = devScore
    }
  }

  /// The epochs, in order.
  public var epochs: [Epoch]
  /// Each task's selection metric, the name of ``Epoch/devScore``; empty in reports written
  /// before it was recorded.
  public var devMetrics: [String: TaskMetric] = [:]
  /// The epoch whose parameters were kept, when the best epoch on dev was kept.
  public var keptEpoch: Int?
  /// Wall-clock training time.
  public var seconds: Double
  /// One line per sign that training stopped too early or went on too long, each naming the
  /// setting to change; empty when the curves look fine.
  public var advice: [String]
  /// How automatic character n-grams were chosen on dev, when they were tried.
  public var characterNgrams: CharacterNgramChoice?

  /// Creates a history.
  ///
  /// - Parameters:
  ///   - epochs: The epochs, in order.
  ///   - keptEpoch: The epoch whose parameters were kept, if not the last.
  ///   - seconds: The training time.
  ///   - advice: Lines about under- or overfitting.
  ///   - characterNgrams: The choice of automatic character n-grams, if they were tried.
  public init(
    epochs: [Epoch] = [], keptEpoch: Int? = nil, seconds: Double = 0, advice: [String] = [],
    characterNgrams: CharacterNgramChoice? = nil
  ) {
    self.epochs = epochs
    self.keptEpoch = keptEpoch
    self.seconds = seconds
    self.advice = advice
    self.characterNgrams = characterNgrams
  }
}
