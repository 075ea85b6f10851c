import MultiTaskText
import Synchronization

/// A fixed set of predictors for one model, each lent to one prediction thread at a time.
///
/// A ``Predictor`` owns scratch buffers and is not thread-safe, so the pool is the only way
/// a job reaches one. The ``PredictionQueue`` runs as many threads as the pool has
/// predictors, so a job always finds one idle; should it not, it gets a fresh predictor
/// rather than wait on a prediction thread.
final class PredictorPool: Sendable {
  private let model: MultiTaskModel
  private let idle: Mutex<[Worker]>

  /// Creates `count` predictors for `model`.
  init(model: MultiTaskModel, count: Int) throws(ModelError) {
    var workers: [Worker] = []
    for _ in 0..<max(1, count) { workers.append(Worker(predictor: try Predictor(model: model))) }
    self.model = model
    idle = Mutex(workers)
  }

  /// Runs `body` with a worker of its own.
  func withWorker<Result>(
    _ body: (Worker) -> Result
  ) throws(ModelError) -> Result {
    let worker: Worker
    if let idleWorker = idle.withLock({ $0.popLast() }) {
      worker = idleWorker
    } else {
      worker = Worker(predictor: try Predictor(model: model))
    }
    defer { idle.withLock { $0.append(worker) } }
    return body(worker)
  }
}

/// One predictor and the response buffer it fills, reused by every request it serves.
///
/// Unchecked because the pool hands a worker to one thread at a time; nothing else holds it.
final class Worker: @unchecked Sendable {
  let predictor: Predictor
  var output: [UInt8] = []

  init(predictor: Predictor) {
    self.predictor = predictor
    output.reserveCapacity(64 * 1024)
  }
}
