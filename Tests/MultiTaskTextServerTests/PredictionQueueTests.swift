import Dispatch
import Testing

@testable import MultiTaskTextServer

/// The queue predictions run on: a bound that answers 503, work skipped when its client has
/// gone, and a waiting request that cancellation frees at once.
struct PredictionQueueTests {
  /// A job that holds its prediction thread until the test lets it go. The test waits for
  /// it by polling, never by blocking one of Swift's few cooperative threads.
  final class Gate: Sendable {
    let entered = Flag()
    let release = DispatchSemaphore(value: 0)

    func hold() -> Result<Int, ServerError> {
      entered.set()
      release.wait()
      return .success(1)
    }

    func waitUntilEntered() async throws {
      while !entered.isSet { try await Task.sleep(for: .milliseconds(5)) }
    }
  }

  @Test func aFullQueueRefusesAndAFreedPlaceAdmits() async throws {
    let queue = PredictionQueue(workers: 1, waiting: 1)
    queue.start()
    defer { queue.stop() }
    var places = [try queue.admit(), try queue.admit()]
    #expect(throws: ServerError.overloaded(capacity: 2)) { try queue.admit() }
    #expect(queue.occupied == 2)
    places.removeLast()
    #expect(queue.occupied == 1)
    places.append(try queue.admit())
    #expect(places.count == 2)
  }

  @Test func workWhoseClientHasGoneIsNotRun() async throws {
    let queue = PredictionQueue(workers: 1, waiting: 1)
    queue.start()
    defer { queue.stop() }
    let gate = Gate()
    let first = Task {
      await queue.run(holding: try queue.admit(), client: ClientWatch()) { _ in gate.hold() }
    }
    try await gate.waitUntilEntered()
    let ran = Flag()
    let client = ClientWatch()
    let second = Task {
      await queue.run(holding: try queue.admit(), client: client) { _ in
        ran.set()
        return .success(2)
      }
    }
    try await Task.sleep(for: .milliseconds(100))
    client.markGone()
    gate.release.signal()
    #expect(try await first.value == .success(1))
    #expect(try await second.value == .failure(.clientGone))
    #expect(!ran.isSet)
  }

  @Test func aJobStopsBetweenTextsOnceItsClientGoes() async throws {
    let queue = PredictionQueue(workers: 1, waiting: 0)
    queue.start()
    defer { queue.stop() }
    let client = ClientWatch()
    let done = try await queue.run(holding: try queue.admit(), client: client) {
      stopReason -> Result<Int, ServerError> in
      for text in 0..<1000 {
        if text == 3 { client.markGone() }
        if let reason = stopReason() { return .failure(reason) }
      }
      return .success(1000)
    }
    #expect(done == .failure(.clientGone))
  }

  @Test func cancellingTheWaitingRequestReturnsAtOnceAndKeepsThePlace() async throws {
    let queue = PredictionQueue(workers: 1, waiting: 0)
    queue.start()
    defer { queue.stop() }
    let gate = Gate()
    let waiting = Task {
      await queue.run(holding: try queue.admit(), client: ClientWatch()) { _ in gate.hold() }
    }
    try await gate.waitUntilEntered()
    waiting.cancel()
    #expect(try await waiting.value == .failure(.shuttingDown))
    // The job still holds its thread, so its place is still taken.
    #expect(throws: ServerError.overloaded(capacity: 1)) { try queue.admit() }
    gate.release.signal()
    var admitted = false
    for _ in 0..<100 where !admitted {
      admitted = (try? queue.admit()) != nil
      if !admitted { try await Task.sleep(for: .milliseconds(10)) }
    }
    #expect(admitted)
  }
}
