import Foundation

/// Gathers a training run's dev scores from the pipeline's events: each task's score per
/// epoch, and how many dev documents they came from. A class with a lock because the events
/// arrive on a training thread.
final class DevScoreRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private let developmentPaths: Set<String>
  private var byEpoch: [Int: [String: Double]] = [:]
  private var documents = 0

  /// Creates a recorder that counts the records read from `developmentPaths` as dev documents.
  init(developmentPaths: Set<String>) { self.developmentPaths = developmentPaths }

  /// Takes what an event says about dev data, and ignores the rest.
  func record(_ event: PipelineEvent) {
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .training(.heldOut(let count)):
      documents += count
    case .training(.epochFinished(let summary)):
      byEpoch[summary.epoch] = Dictionary(uniqueKeysWithValues: summary.devScore.present)
    case .corporaRead(let statistics):
      documents += statistics.filter { developmentPaths.contains($0.path) }
        .map(\.examplesRead).reduce(0, +)
    default:
      break
    }
  }

  /// The dev documents recorded.
  var developmentDocuments: Int {
    lock.lock()
    defer { lock.unlock() }
    return documents
  }

  /// Each task's dev score at `epoch`; empty when that epoch was not scored.
  func scores(atEpoch epoch: Int) -> [String: Double] {
    lock.lock()
    defer { lock.unlock() }
    return byEpoch[epoch] ?? [:]
  }

  /// The run's score at its kept epoch (the last when none was kept): one task's, or the
  /// mean of every task's; -1 when dev data scored nothing.
  func score(of history: TrainingHistory, task: String? = nil) -> DevScore {
    let values = scores(atEpoch: history.keptEpoch ?? history.epochs.count)
    let value: Double
    if let task {
      value = values[task] ?? -1
    } else {
      value = values.isEmpty ? -1 : values.values.reduce(0, +) / Double(values.count)
    }
    return DevScore(value: value, documents: developmentDocuments)
  }
}
