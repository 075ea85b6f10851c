/// Scores a model on labelled examples, one task at a time.
///
/// Evaluation predicts with a ``Predictor`` and fills one ``ConfusionMatrix`` per task;
/// examples without a label for the task are skipped. It takes examples, not files: the
/// ``Pipeline`` reads test files and feeds them through a ``TaskScorer`` one record at a time,
/// so memory stays bounded whatever the file's size.
public struct Evaluator {
  /// The model under evaluation.
  public let model: MultiTaskModel

  /// Creates an evaluator.
  ///
  /// - Parameter model: The model to score.
  public init(model: MultiTaskModel) { self.model = model }

  /// A scorer that accumulates task `taskName`'s confusion matrix example by example.
  ///
  /// - Parameters:
  ///   - taskName: The task to score.
  ///   - explainingMistakes: How many of the most confident mistakes to keep, explained.
  /// - Throws: ``EvaluationError`` for an unknown task or a text pipeline that cannot open.
  public func scorer(
    forTask taskName: String, explainingMistakes: Int = 0
  ) throws(EvaluationError) -> TaskScorer {
    try TaskScorer(model: model, task: taskName, explainingMistakes: explainingMistakes)
  }

  /// Evaluates task `taskName` on `examples`.
  ///
  /// - Parameters:
  ///   - taskName: The task to score.
  ///   - examples: Documents with labels by task name.
  /// - Returns: The task's confusion matrix.
  /// - Throws: ``EvaluationError`` for an unknown task or bad text.
  public func evaluate(
    task taskName: String, on examples: some Sequence<Example>
  ) throws(EvaluationError) -> ConfusionMatrix {
    let scorer = try scorer(forTask: taskName)
    for example in examples { try scorer.record(example) }
    return scorer.matrix
  }
}

/// Accumulates one task's confusion matrix, one example at a time.
///
/// A class because it owns a ``Predictor`` with its text pipeline and scratch buffers. One per
/// thread.
public final class TaskScorer {
  /// The task's name.
  public let task: String
  /// The counts so far.
  public private(set) var matrix: ConfusionMatrix
  private let taskIndex: Int
  private let predictor: Predictor
  private var confidentMistakes: ConfidentMistakes

  /// The most confident mistakes so far, explained, most confident first.
  public var mistakes: [ExplainedMistake] { confidentMistakes.mistakes }

  init(model: MultiTaskModel, task: String, explainingMistakes: Int = 0) throws(EvaluationError) {
    guard let taskIndex = model.manifest.taskIndex(named: task) else {
      throw .unknownTask(task, known: model.manifest.tasks.map(\.name))
    }
    do { predictor = try Predictor(model: model) } catch { throw .model(error) }
    self.task = task
    self.taskIndex = taskIndex
    confidentMistakes = ConfidentMistakes(limit: explainingMistakes)
    let manifestTask = model.manifest.tasks[taskIndex]
    labels = manifestTask.labels
    matrix = ConfusionMatrix(labels: manifestTask.labels.labels)
    abstention.minimumProbability = manifestTask.minProbability
    if manifestTask.isMultiLabel {
      multiLabel = MultiLabelCounts(labels: manifestTask.labels.count)
      thresholds = manifestTask.thresholds ?? []
    }
  }

  private let labels: LabelSet
  private var multiLabel: MultiLabelCounts?
  private var thresholds: [Float] = []
  /// (missed label, label given instead) counts, keyed `missed * labels.count + given`:
  /// only the pairs seen, never a labels² grid.
  private var pairCounts: [Int: Int] = [:]
  private var calibration = CalibrationAccumulator()
  private var abstention = AbstentionReport()

  /// Whether each scored document was answered right (for a multi-label task: exactly),
  /// in file order: what a paired comparison of two models on the same file needs.
  public private(set) var outcomes: [Bool] = []

  /// What abstaining would have cost and gained: with the model's `minProbability`, or only
  /// for documents without a known token; nil for a multi-label task.
  public var abstentionReport: AbstentionReport? { multiLabel == nil ? abstention : nil }

  /// Predicts `example` and counts the answer against its label; an example without a label
  /// for the task is skipped.
  ///
  /// - Throws: ``EvaluationError/text(location:error:)`` when the text cannot be prepared.
  public func record(_ example: Example) throws(EvaluationError) {
    guard let truth = example.labelList(ofTask: task) else { return }
    var text = example.text
    do {
      try text.withUTF8Bytes { (bytes) throws(TextError) in try predictor.run(bytes) }
    } catch {
      throw .text(location: example.location, error: error)
    }
    if !predictor.hadKnownFeatures { documentsWithoutKnownTokens += 1 }
    if multiLabel != nil {
      recordMultiLabel(truth: truth)
      return
    }
    guard truth.count == 1 else {
      throw .severalLabels(task: task, labels: truth, location: example.location)
    }
    let (best, probability) = predictor.best(ofTask: taskIndex)
    let predicted = Int(best.rawValue)
    matrix.record(truth: truth[0], predicted: predicted)
    outcomes.append(labels.id(of: truth[0]) == best)
    abstention.record(
      knownTokens: predictor.hadKnownFeatures, probability: probability,
      correct: labels.id(of: truth[0]) == best)
    confidentMistakes.consider(example, truth: truth[0], task: taskIndex, predictor: predictor)
    if let id = labels.id(of: truth[0]) {
      predictor.withProbabilities(ofTask: taskIndex) { probabilities in
        calibration.record(probabilities: probabilities, truth: Int(id.rawValue))
      }
    }
  }

  private func recordMultiLabel(truth names: [String]) {
    guard var counts = multiLabel else { return }
    let distinct = Set(names)
    let truth = distinct.compactMap { labels.id(of: $0)?.rawValue }.sorted()
    let predicted = predictor.selectedLabels(ofTask: taskIndex).map(\.label.rawValue).sorted()
    let exactBefore = counts.exactMatches
    counts.record(truth: truth, predicted: predicted, unseen: distinct.count - truth.count)
    outcomes.append(counts.exactMatches > exactBefore)
    multiLabel = counts
    let missed = truth.filter { !predicted.contains($0) }
    let extra = predicted.filter { !truth.contains($0) }
    for miss in missed {
      for wrong in extra { pairCounts[Int(miss) * labels.count + Int(wrong), default: 0] += 1 }
    }
  }

  /// Documents scored that had no feature the model knows.
  public private(set) var documentsWithoutKnownTokens = 0

  /// The multi-label evaluation, for a multi-label task.
  public var multiLabelReport: MultiLabelReport? {
    multiLabel.map {
      let size = max(1, labels.count)
      let pairs = pairCounts.map {
        ConfusionMatrix.Cell(truth: $0.key / size, predicted: $0.key % size, count: $0.value)
      }
      return MultiLabelReport(
        labels: labels.labels, counts: $0, thresholds: thresholds, pairCounts: pairs)
    }
  }

  /// The calibration of a single-label task's probabilities; nil for a multi-label task or
  /// before any document with a known label.
  public var calibrationReport: CalibrationReport? { calibration.report() }
}

/// Why an evaluation could not run.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The model has no task of that name.
  case unknownTask(String, known: [String])
  /// The model's text pipeline could not be opened.
  case model(ModelError)
  /// A document's text could not be prepared; `location` names its file and line when known.
  case text(location: CorpusLocation?, error: TextError)
  /// A test record gives a single-label task several labels (or an empty list).
  case severalLabels(task: String, labels: [String], location: CorpusLocation?)

  /// A one-line explanation for a terminal.
  public var description: String {
    switch self {
    case .unknownTask(let name, let known):
      return "the model has no task \"\(name)\"; its tasks are "
        + known.map { "\"\($0)\"" }.joined(separator: ", ")
    case .model(let error): return "\(error)"
    case .text(let location, let error):
      return location.map { "\($0): \(error)" } ?? "\(error)"
    case .severalLabels(let task, let labels, let location):
      return TrainingError.severalLabels(task: task, labels: labels, location: location)
        .description
    }
  }
}
