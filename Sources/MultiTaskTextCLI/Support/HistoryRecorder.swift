import Foundation
import MultiTaskText

/// Collects the per-epoch losses and dev accuracies that the trainer reports, for the
/// report's training curves.
final class HistoryRecorder: @unchecked Sendable {
  private let taskNames: [String]
  private let lock = NSLock()
  private var history = TrainingHistory()

  init(taskNames: [String]) { self.taskNames = taskNames }

  func record(_ event: TrainingEvent) {
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .epochFinished(let epoch, let losses, let accuracy):
      var loss: [String: Double] = [:]
      var dev: [String: Double] = [:]
      for (index, name) in taskNames.enumerated() {
        if let value = losses[index] { loss[name] = value }
        if let value = accuracy[index] { dev[name] = value }
      }
      history.epochs.append(TrainingHistory.Epoch(epoch: epoch, loss: loss, devAccuracy: dev))
    case .keptEpoch(let epoch):
      history.keptEpoch = epoch
    default:
      break
    }
  }

  func finish(seconds: Double) -> TrainingHistory {
    lock.lock()
    defer { lock.unlock() }
    history.seconds = seconds
    return history
  }
}
