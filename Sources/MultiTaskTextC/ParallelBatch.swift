import CMultiTaskText
import Dispatch

/// Splits a batch into contiguous chunks, one per thread, each run on a predictor of its own
/// from the handle's pool; the first failure by document order wins.
///
/// Chunks are contiguous so each thread's output is one slice of the answer, concatenated in
/// order afterwards: the result is the same bytes whatever the thread count.
struct ParallelBatch {
  /// The document ranges, in order.
  let chunks: [Range<Int>]

  /// Plans `requested` chunks over `count` documents, fewer when chunks would hold under
  /// `minimumChunk` documents, since a thread costs more than it saves on a handful.
  init(count: Int, requested: Int32, minimumChunk: Int = 64) {
    let threads = max(1, min(Int(requested), count / minimumChunk))
    let size = (count + threads - 1) / max(threads, 1)
    chunks = stride(from: 0, to: max(count, 1), by: max(size, 1)).map {
      $0..<min($0 + size, count)
    }
  }

  /// Runs `body` on every chunk with a pooled predictor and returns the chunks' results in
  /// order.
  func run<Result>(
    on handle: ModelHandle, _ body: (PooledPredictor, Range<Int>) throws -> Result
  ) throws -> [Result] {
    if chunks.count == 1 { return [try handle.withPredictor { try body($0, chunks[0]) }] }
    var results = [Swift.Result<Result, CFailure>?](repeating: nil, count: chunks.count)
    try withoutActuallyEscaping(body) { body in
      try results.withUnsafeMutableBufferPointer { slots in
        let job = ChunkJob(handle: handle, chunks: chunks, body: body, slots: slots)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { job.run($0) }
      }
    }
    return try results.map { slot in
      switch slot {
      case .success(let value): return value
      case .failure(let failure): throw failure
      case nil: throw CFailure(code: MTL_ERROR_OTHER, message: "a prediction thread did not finish")
      }
    }
  }
}

/// One parallel run's shared state, handed to Dispatch's worker threads.
///
/// Unchecked because each iteration touches only its own chunk and its own result slot, and
/// each borrows its own predictor from the handle's lock-protected pool; the job does not
/// outlive `ParallelBatch.run`.
private final class ChunkJob<Value>: @unchecked Sendable {
  let handle: ModelHandle
  let chunks: [Range<Int>]
  let body: (PooledPredictor, Range<Int>) throws -> Value
  let slots: UnsafeMutableBufferPointer<Result<Value, CFailure>?>

  init(
    handle: ModelHandle, chunks: [Range<Int>],
    body: @escaping (PooledPredictor, Range<Int>) throws -> Value,
    slots: UnsafeMutableBufferPointer<Result<Value, CFailure>?>
  ) {
    self.handle = handle
    self.chunks = chunks
    self.body = body
    self.slots = slots
  }

  /// Runs chunk `index` and stores its result or failure.
  func run(_ index: Int) {
    do {
      let value = try handle.withPredictor { try body($0, chunks[index]) }
      slots[index] = .success(value)
    } catch {
      slots[index] = .failure(CFailure(error))
    }
  }
}
