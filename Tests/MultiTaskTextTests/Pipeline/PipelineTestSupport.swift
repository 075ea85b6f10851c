import Foundation

@testable import MultiTaskText

extension PipelineConfiguration {
  /// Reads the corpora and trains through the library pipeline, passing on the trainer's
  /// events.
  func trainModel(
    shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (TrainingEvent) -> Void = { _ in }
  ) throws -> MultiTaskModel {
    try Pipeline(configuration: self).train(
      shouldStop: shouldStop,
      onEvent: { event in if case .training(let event) = event { onEvent(event) } }
    ).model
  }
}

/// Task `task`'s confusion matrix on one corpus file, read by the pipeline.
func evaluateFile(
  _ model: MultiTaskModel, task: String, on source: CorpusSource
) throws -> ConfusionMatrix {
  let report = try Pipeline.evaluate(model, on: [(task: task, source: source)])
  return report.tasks[0].confusion
}

/// Pipeline events, collected from whatever thread sends them.
final class PipelineEventLog: @unchecked Sendable {
  private let lock = NSLock()
  private var events: [PipelineEvent] = []
  func append(_ event: PipelineEvent) {
    lock.lock()
    events.append(event)
    lock.unlock()
  }
  var all: [PipelineEvent] {
    lock.lock()
    defer { lock.unlock() }
    return events
  }
}
