import Foundation

/// Trains a configuration's tasks together and each task alone, with the same settings and
/// seed, and scores every model on the tasks' test files.
///
/// Sharing an encoder helps a small task when its neighbours teach the shared rows something
/// it could not learn from its own data, and hurts when they pull those rows elsewhere
/// (negative transfer). Running both and putting the scores side by side is the honest way
/// to tell which happens.
public struct Comparison: Sendable {
  /// What the comparison is doing, for progress display.
  public enum Event: Sendable {
    /// Training the joint model, or the single-task model of `task`.
    case training(task: String?)
    /// One of the underlying pipelines reported progress.
    case pipeline(PipelineEvent, task: String?)
  }

  /// The configuration; every task needs a test file.
  public let configuration: PipelineConfiguration

  /// Creates a comparison.
  public init(configuration: PipelineConfiguration) { self.configuration = configuration }

  /// Trains and evaluates everything.
  ///
  /// - Throws: ``ComparisonError``.
  public func run(
    shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (Event) -> Void = { _ in }
  ) throws(ComparisonError) -> ComparisonReport {
    let missing = configuration.tasks.filter { $0.test == nil }.map(\.name)
    guard missing.isEmpty else { throw .missingTestFile(tasks: missing) }

    onEvent(.training(task: nil))
    let jointStart = Date()
    let joint = try trainAndEvaluate(configuration, label: nil, shouldStop, onEvent)
    let jointSeconds = Date().timeIntervalSince(jointStart)

    var rows: [ComparisonReport.Row] = []
    let singleStart = Date()
    for task in configuration.tasks {
      var alone = configuration
      alone.tasks = [task]
      onEvent(.training(task: task.name))
      let single = try trainAndEvaluate(alone, label: task.name, shouldStop, onEvent)
      guard let multiReport = joint.first(where: { $0.name == task.name }),
        let singleReport = single.first
      else { continue }
      var row = ComparisonReport.Row(
        task: task.name, file: singleReport.file, examples: singleReport.metrics.examples,
        single: .init(
          accuracy: singleReport.metrics.accuracy, macroF1: singleReport.metrics.macroF1),
        multi: .init(
          accuracy: multiReport.metrics.accuracy, macroF1: multiReport.metrics.macroF1))
      row.paired = PairedDifference(
        single: singleReport.documentOutcomes, multi: multiReport.documentOutcomes,
        seed: configuration.training.seed)
      rows.append(row)
    }
    return ComparisonReport(
      rows: rows, settings: ComparisonSettings(configuration), jointSeconds: jointSeconds,
      singleSeconds: Date().timeIntervalSince(singleStart))
  }

  private func trainAndEvaluate(
    _ configuration: PipelineConfiguration, label: String?,
    _ shouldStop: @escaping @Sendable () -> Bool,
    _ onEvent: @escaping @Sendable (Event) -> Void
  ) throws(ComparisonError) -> [TaskReport] {
    do {
      return try Pipeline(configuration: configuration).run(
        shouldStop: shouldStop, onEvent: { onEvent(.pipeline($0, task: label)) }
      ).report.tasks
    } catch { throw .pipeline(task: label, error) }
  }
}

/// Why a comparison could not finish.
public enum ComparisonError: Error, Sendable, CustomStringConvertible {
  /// Some tasks have no test file to compare on.
  case missingTestFile(tasks: [String])
  /// Training or evaluating one of the models failed: all tasks together (`task` nil), or
  /// task `task` alone.
  case pipeline(task: String?, PipelineError)

  /// A one-line explanation for a terminal, saying which model failed.
  public var description: String {
    switch self {
    case .missingTestFile(let tasks):
      return "compare needs a test file for every task; none for "
        + tasks.map { "\"\($0)\"" }.joined(separator: ", ")
    case .pipeline(let task, let error):
      return (task.map { "training \"\($0)\" alone: " } ?? "training all tasks together: ")
        + "\(error)"
    }
  }
}
