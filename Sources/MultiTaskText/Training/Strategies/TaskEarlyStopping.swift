/// Per-task early stopping on each task's dev score (its metric): a task that has not improved for `patience`
/// epochs stops training, and its head (with its private rows) goes back to its best epoch.
///
/// Tasks overfit at different speeds; without this, the model is a compromise in which the
/// first task to overfit keeps training, and dragging, the shared rows with the rest. A task
/// without a dev file never stops.
struct TaskEarlyStopping {
  let patience: Int
  /// Whether each task still trains.
  private(set) var active: [Bool]
  /// Each task's best dev score so far and the epoch it came from.
  private(set) var bestAccuracies: [Double]
  private(set) var bestEpochs: [Int]
  private var snapshots: [[Float]?]

  init(taskCount: Int, patience: Int) {
    self.patience = patience
    active = Array(repeating: true, count: taskCount)
    bestAccuracies = Array(repeating: -1, count: taskCount)
    bestEpochs = Array(repeating: 0, count: taskCount)
    snapshots = Array(repeating: nil, count: taskCount)
  }

  /// Records an epoch's dev accuracies; returns the tasks that stop now, after restoring
  /// their best heads in `state`.
  mutating func update(epoch: Int, scores: [Double?], state: TrainingState) -> [Int] {
    guard patience > 0 else { return [] }
    var stopped: [Int] = []
    for task in scores.indices where active[task] {
      guard let value = scores[task] else { continue }
      if value > bestAccuracies[task] {
        bestAccuracies[task] = value
        bestEpochs[task] = epoch
        snapshots[task] = state.snapshot(task: task)
      } else if epoch - bestEpochs[task] >= patience, let snapshot = snapshots[task] {
        state.restore(task: task, from: snapshot)
        active[task] = false
        stopped.append(task)
      }
    }
    return stopped
  }
}
