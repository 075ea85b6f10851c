import Synchronization

/// The one continuation a request waits on for its job, resumed exactly once: by the job's
/// result, or by cancellation, whichever comes first.
final class JobWaiter<Value: Sendable>: Sendable {
  private struct State {
    var continuation: CheckedContinuation<Result<Value, ServerError>, Never>?
    var abandoned = false
  }

  private let state = Mutex(State())

  /// Whether the waiting request was cancelled, so the job's answer has no reader.
  var isAbandoned: Bool { state.withLock { $0.abandoned } }

  /// Stores `continuation`; false, after resuming it, when the request was already
  /// cancelled and the job should not be started.
  func wait(_ continuation: CheckedContinuation<Result<Value, ServerError>, Never>) -> Bool {
    let abandoned = state.withLock { state in
      if !state.abandoned { state.continuation = continuation }
      return state.abandoned
    }
    if abandoned { continuation.resume(returning: .failure(.shuttingDown)) }
    return !abandoned
  }

  /// Hands the job's result to the waiting request, if it still waits.
  func finish(_ result: Result<Value, ServerError>) {
    let continuation = state.withLock { state in
      defer { state.continuation = nil }
      return state.continuation
    }
    continuation?.resume(returning: result)
  }

  /// Marks the request cancelled and resumes it with ``ServerError/shuttingDown``.
  func abandon() {
    let continuation = state.withLock { state in
      state.abandoned = true
      defer { state.continuation = nil }
      return state.continuation
    }
    continuation?.resume(returning: .failure(.shuttingDown))
  }
}
