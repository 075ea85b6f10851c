import Dispatch
import Synchronization

/// Runs a batch of documents on several threads, each with a predictor of its own from a
/// ``PredictorPool``, and hands back the chunks' results in document order.
///
/// The batch is cut into contiguous chunks, and each thread takes the next chunk in order
/// until none is left, so a thread the machine slows down does fewer chunks instead of
/// holding up the rest. Results come back in chunk order, so output concatenated from them
/// is the same bytes at any thread count.
public struct ParallelPrediction: Sendable {
  /// Where the threads' predictors come from.
  public let pool: PredictorPool
  /// The most threads to run at once.
  public let threads: Int
  /// The fewest documents a chunk holds (but for the last): below it a thread costs more
  /// than it saves.
  public let minimumChunk: Int

  /// Prepares runs on up to `threads` threads.
  ///
  /// - Parameters:
  ///   - pool: The predictors.
  ///   - threads: The most threads at once; 1 or less runs on the calling thread.
  ///   - minimumChunk: The fewest documents per chunk.
  public init(pool: PredictorPool, threads: Int, minimumChunk: Int = 64) {
    self.pool = pool
    self.threads = max(1, threads)
    self.minimumChunk = max(1, minimumChunk)
  }

  /// The chunks `count` documents are cut into: one when a single thread runs, else about
  /// eight per thread, so that threads slowed by a busy machine even out and the last chunk
  /// leaves the other threads idle only briefly.
  public func chunks(count: Int) -> [Range<Int>] {
    guard threads > 1, count > minimumChunk else { return [0..<count] }
    let size = max(minimumChunk, (count + threads * 8 - 1) / (threads * 8))
    return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
  }

  /// Runs `body` on every chunk of `0..<count` and returns the results in chunk order.
  ///
  /// When chunks fail, the failure of the first in document order is thrown; chunks after a
  /// failure may be skipped.
  ///
  /// - Parameters:
  ///   - count: The number of documents.
  ///   - body: Predicts one chunk's documents with the lent predictor; called concurrently
  ///     from several threads, each call with its own predictor.
  ///   - unavailable: Turns the error of a predictor that could not be made into `Failure`.
  /// - Returns: Each chunk's result, in order.
  /// - Throws: The first failure by document order.
  public func run<Result, Failure: Error>(
    count: Int,
    _ body: (PooledPredictor, Range<Int>) throws(Failure) -> Result,
    unavailable: (ModelError) -> Failure
  ) throws(Failure) -> [Result] {
    let chunks = chunks(count: count)
    if chunks.count == 1 {
      return [
        try pool.withPredictor(
          { (pooled) throws(Failure) in try body(pooled, chunks[0]) },
          unavailable: unavailable)
      ]
    }
    let outcomes = withoutActuallyEscaping(body) { body in
      withoutActuallyEscaping(unavailable) { unavailable in
        let job = ChunkJob(pool: pool, chunks: chunks, body: body, unavailable: unavailable)
        DispatchQueue.concurrentPerform(iterations: min(threads, chunks.count)) { _ in job.work() }
        return job.outcomes()
      }
    }
    var results: [Result] = []
    results.reserveCapacity(outcomes.count)
    for outcome in outcomes {
      switch outcome {
      case .success(let value): results.append(value)
      case .failure(let failure): throw failure
      }
    }
    return results
  }
}

/// One parallel run's shared state, handed to Dispatch's worker threads.
///
/// Unchecked because each chunk is claimed by exactly one thread through the atomic counter,
/// each result slot is written only by the thread that ran its chunk, and the slots are read
/// after `concurrentPerform` has returned; the job does not outlive the run that made it.
private final class ChunkJob<Value, Failure: Error>: @unchecked Sendable {
  let pool: PredictorPool
  let chunks: [Range<Int>]
  let body: (PooledPredictor, Range<Int>) throws(Failure) -> Value
  let unavailable: (ModelError) -> Failure
  private let next = Atomic<Int>(0)
  /// Set by a failed chunk, so later chunks are not started.
  private let failed = Atomic<Bool>(false)
  private let slots: UnsafeMutableBufferPointer<Result<Value, Failure>?>

  init(
    pool: PredictorPool, chunks: [Range<Int>],
    body: @escaping (PooledPredictor, Range<Int>) throws(Failure) -> Value,
    unavailable: @escaping (ModelError) -> Failure
  ) {
    self.pool = pool
    self.chunks = chunks
    self.body = body
    self.unavailable = unavailable
    slots = .allocate(capacity: chunks.count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// One thread's share: borrows a predictor, then runs chunks in order until none is left.
  func work() {
    do throws(Failure) {
      try pool.withPredictor(
        { (pooled) throws(Failure) in
          while !failed.load(ordering: .relaxed) {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < chunks.count else { return }
            do throws(Failure) {
              slots[index] = .success(try body(pooled, chunks[index]))
            } catch {
              slots[index] = .failure(error)
              failed.store(true, ordering: .relaxed)
            }
          }
        }, unavailable: unavailable)
    } catch {
      // No predictor for this thread: the chunks it would have taken go to the others, or,
      // when none is left to take them, fail as the first unrun chunk.
      let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
      if index < chunks.count { slots[index] = .failure(error) }
      failed.store(true, ordering: .relaxed)
    }
  }

  /// The chunks' outcomes in order, up to and including the first failure.
  func outcomes() -> [Result<Value, Failure>] {
    var outcomes: [Result<Value, Failure>] = []
    for slot in slots {
      guard let slot else { break }
      outcomes.append(slot)
      if case .failure = slot { break }
    }
    return outcomes
  }
}
