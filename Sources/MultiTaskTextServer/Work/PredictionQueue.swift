import NIOPosix
import Synchronization

/// The threads predictions run on, and the bound on how many requests may wait for them.
///
/// Predicting is CPU work, seconds long for a text of megabytes, so it runs on threads of
/// its own: the event loops and Swift's cooperative threads stay free to read bodies and to
/// answer probes. A request takes a ``QueuePlace`` before its body is read, which bounds
/// both the work waiting and the memory bodies hold; when every place is taken the request
/// is answered 503 at once.
final class PredictionQueue: Sendable {
  private let threads: NIOThreadPool
  /// Requests allowed at once, running and waiting.
  let capacity: Int
  private let taken = Mutex(0)

  /// Creates a queue of `workers` threads and `waiting` further places.
  init(workers: Int, waiting: Int) {
    threads = NIOThreadPool(numberOfThreads: max(1, workers))
    // Saturating, so no queue depth a caller passes can overflow.
    let (sum, overflow) = max(1, workers).addingReportingOverflow(max(0, waiting))
    capacity = overflow ? Int.max : sum
  }

  /// Starts the threads.
  func start() { threads.start() }

  /// Stops the threads once their current job ends, without waiting for them: a job that
  /// cannot stop mid-text must not hold up the process's exit.
  func stop() { threads.shutdownGracefully { _ in } }

  /// Requests holding a place now.
  var occupied: Int { taken.withLock { $0 } }

  /// Takes a place, given back when the returned value is released.
  ///
  /// - Throws: ``ServerError/overloaded(capacity:)`` when every place is taken.
  func admit() throws(ServerError) -> QueuePlace {
    let capacity = capacity
    let admitted = taken.withLock { count in
      guard count < capacity else { return false }
      count += 1
      return true
    }
    guard admitted else { throw .overloaded(capacity: capacity) }
    return QueuePlace { [self] in taken.withLock { $0 -= 1 } }
  }

  /// Runs `job` on a prediction thread and returns its result.
  ///
  /// The job receives a check to call between texts, which names the reason to stop once
  /// nobody will read its answer: the client has gone, or the waiting request was
  /// cancelled because the drain deadline passed. Cancelling the waiting task returns ``ServerError/shuttingDown`` at
  /// once; the job, which cannot stop inside a text, finishes on its thread unwatched.
  ///
  /// - Parameters:
  ///   - place: The request's place, held until the job ends even if the request does not
  ///     wait for it.
  ///   - client: Whether the request's client is still connected.
  ///   - job: The work; runs at most once.
  func run<Value: Sendable>(
    holding place: QueuePlace, client: ClientWatch,
    _ job: @escaping @Sendable (_ stopReason: () -> ServerError?) -> Result<Value, ServerError>
  ) async -> Result<Value, ServerError> {
    let waiter = JobWaiter<Value>()
    return await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        guard waiter.wait(continuation) else { return }
        threads.submit { state in
          withExtendedLifetime(place) {
            guard state == .active else { return waiter.finish(.failure(.shuttingDown)) }
            let stopReason = { () -> ServerError? in
              if waiter.isAbandoned { return .shuttingDown }
              return client.isGone ? .clientGone : nil
            }
            if let reason = stopReason() { return waiter.finish(.failure(reason)) }
            waiter.finish(job(stopReason))
          }
        }
      }
    } onCancel: {
      waiter.abandon()
    }
  }
}

/// One admitted request's place in a ``PredictionQueue``, given back when the last holder
/// lets go: the request, or the job it handed to a thread, whichever ends later.
final class QueuePlace: Sendable {
  private let giveBack: @Sendable () -> Void

  init(giveBack: @escaping @Sendable () -> Void) { self.giveBack = giveBack }

  deinit { giveBack() }
}
