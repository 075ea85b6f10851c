import MultiTaskText
import Synchronization

/// A fixed set of predictors for one model, each lent to one request at a time.
///
/// A ``Predictor`` owns scratch buffers and is not thread-safe, so the pool is the only way
/// requests reach one: a request borrows a worker, runs its whole batch on it, and gives it
/// back. When every worker is busy, requests wait in arrival order.
final class PredictorPool: Sendable {
  private struct State {
    var idle: [Worker]
    var waiting: [CheckedContinuation<Worker, Never>] = []
  }

  private let state: Mutex<State>

  /// Creates `count` predictors for `model`.
  init(model: MultiTaskModel, count: Int) throws(ModelError) {
    var workers: [Worker] = []
    for _ in 0..<max(1, count) { workers.append(Worker(predictor: try Predictor(model: model))) }
    state = Mutex(State(idle: workers))
  }

  /// Runs `body` with a worker of its own, waiting for one if all are busy.
  func withWorker<Result>(_ body: (Worker) throws -> Result) async rethrows -> Result {
    let worker = await borrow()
    defer { giveBack(worker) }
    return try body(worker)
  }

  private func borrow() async -> Worker {
    if let worker = state.withLock({ $0.idle.popLast() }) { return worker }
    return await withCheckedContinuation { continuation in
      let ready: Worker? = state.withLock { state in
        if let worker = state.idle.popLast() { return worker }
        state.waiting.append(continuation)
        return nil
      }
      if let ready { continuation.resume(returning: ready) }
    }
  }

  private func giveBack(_ worker: Worker) {
    let next: CheckedContinuation<Worker, Never>? = state.withLock { state in
      if state.waiting.isEmpty {
        state.idle.append(worker)
        return nil
      }
      return state.waiting.removeFirst()
    }
    next?.resume(returning: worker)
  }
}

/// One predictor and the response buffer it fills, reused by every request it serves.
///
/// Unchecked because the pool hands a worker to one task at a time; nothing else holds it.
final class Worker: @unchecked Sendable {
  let predictor: Predictor
  var output: [UInt8] = []

  init(predictor: Predictor) {
    self.predictor = predictor
    output.reserveCapacity(64 * 1024)
  }
}
