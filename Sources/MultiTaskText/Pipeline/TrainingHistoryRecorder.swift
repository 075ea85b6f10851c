import Foundation

/// Collects the per-epoch losses, dev accuracies and dev scores (with their metrics) that the trainer reports into a
/// ``TrainingHistory``, for the reports' training curves.
///
/// A class with a lock because the trainer calls back from its training threads.
final class TrainingHistoryRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var history = TrainingHistory()

  /// Records what `event` adds to the history.
  func record(_ event: TrainingEvent) {
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .epochFinished(let summary):
      history.epochs.append(
        TrainingHistory.Epoch(
          epoch: summary.epoch,
          loss: Dictionary(uniqueKeysWithValues: summary.loss.present),
          devAccuracy: Dictionary(uniqueKeysWithValues: summary.devAccuracy.present),
          devScore: Dictionary(uniqueKeysWithValues: summary.devScore.present)))
      for (task, metric) in summary.devMetric.present where summary.devScore[task] != nil {
        history.devMetrics[task] = metric
      }
    case .keptEpoch(let epoch):
      history.keptEpoch = epoch
    default:
      break
    }
  }

  /// The history, with the training time.
  func finish(seconds: Double) -> TrainingHistory {
    lock.lock()
    defer { lock.unlock() }
    history.seconds = seconds
    return history
  }
}
