/// Scores a model on labelled corpora, one task at a time.
///
/// Evaluation reads the same corpus formats as training, predicts with a ``Predictor``, and
/// fills one ``ConfusionMatrix`` per task. Examples without a label for the task are skipped.
public struct Evaluator {
  /// The model under evaluation.
  public let model: MultiTaskModel

  /// Creates an evaluator.
  public init(model: MultiTaskModel) { self.model = model }

  /// Evaluates task `taskName` on `source`.
  ///
  /// - Throws: ``EvaluationError`` for an unknown task, an unreadable corpus or bad text.
  public func evaluate(
    task taskName: String, on source: CorpusSource
  ) throws(EvaluationError) -> ConfusionMatrix {
    try evaluateCountingRecords(task: taskName, on: source).matrix
  }

  /// Evaluates task `taskName` on `source`, also returning what the reader counted: records
  /// skipped as invalid and lines whose invalid UTF-8 was repaired.
  ///
  /// - Throws: ``EvaluationError`` for an unknown task, an unreadable corpus or bad text.
  public func evaluateCountingRecords(
    task taskName: String, on source: CorpusSource
  ) throws(EvaluationError) -> (matrix: ConfusionMatrix, statistics: CorpusStatistics) {
    guard let task = model.manifest.taskIndex(named: taskName) else {
      throw .unknownTask(taskName, known: model.manifest.tasks.map(\.name))
    }
    let predictor: Predictor
    do { predictor = try Predictor(model: model) } catch {
      throw .text(path: source.path, line: 0, problem: "\(error)")
    }
    var matrix = ConfusionMatrix(labels: model.manifest.tasks[task].labels.labels)
    var source = source
    source.taskName = taskName
    source.checksLabelField = true
    var statistics = CorpusStatistics(path: source.path)
    do {
      let reader = try CorpusReader(source: source)
      defer { statistics = reader.statistics }
      while let example = try reader.next() {
        guard let truth = example.labels[taskName] else { continue }
        var text = example.text
        do {
          try text.withUTF8Bytes { (bytes) throws(TextError) in try predictor.run(bytes) }
        } catch {
          throw EvaluationError.text(
            path: source.path, line: example.location?.line ?? 0, problem: "\(error)")
        }
        matrix.record(truth: truth, predicted: Int(predictor.best(ofTask: task).label.rawValue))
      }
    } catch let error as EvaluationError {
      throw error
    } catch let error as CorpusError {
      throw .corpus(error)
    } catch {
      throw .text(path: source.path, line: 0, problem: "\(error)")
    }
    return (matrix, statistics)
  }
}

extension Evaluator {
  /// Evaluates each named task on its file and gathers the results into one report.
  ///
  /// - Parameters:
  ///   - files: Task names with the corpus to evaluate each on, in report order.
  ///   - modelPath: How to name the model in the report.
  ///   - history: The training history, when the report follows training.
  ///   - onCorpusRead: Receives what reading each file counted (skipped records, repaired
  ///     lines), once per file, in order.
  public func report(
    on files: [(task: String, source: CorpusSource)], modelPath: String? = nil,
    history: TrainingHistory? = nil,
    onCorpusRead: (CorpusStatistics) -> Void = { _ in }
  ) throws(EvaluationError) -> EvaluationReport {
    var tasks: [TaskReport] = []
    for (name, source) in files {
      let (matrix, statistics) = try evaluateCountingRecords(task: name, on: source)
      onCorpusRead(statistics)
      let counts = model.manifest.tasks.first { $0.name == name }?.labelCounts
      tasks.append(
        TaskReport(name: name, file: source.path, confusion: matrix, trainingLabelCounts: counts))
    }
    return EvaluationReport(modelPath: modelPath, tasks: tasks, history: history)
  }
}

/// Why an evaluation could not run.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownTask(String, known: [String])
  case corpus(CorpusError)
  case text(path: String, line: Int, problem: String)

  public var description: String {
    switch self {
    case .unknownTask(let name, let known):
      return "the model has no task \"\(name)\"; its tasks are "
        + known.map { "\"\($0)\"" }.joined(separator: ", ")
    case .corpus(let error): return "\(error)"
    case .text(let path, let line, let problem): return "\(path):\(line): \(problem)"
    }
  }
}
