import Dispatch
import MultiTaskText

/// `mtl predict`'s batches in flight: one batch is predicted on the pool's threads while the
/// command reads the next and writes the answers of the one before, so reading, predicting
/// and writing overlap instead of taking turns.
///
/// With the batches predicted one after another, the reader and the writer left every
/// prediction thread idle while they ran, which is what kept two threads near one. At most
/// one batch is predicted at a time, so the threads are never shared between two; answers
/// are written in batch order, so the output is the same bytes at any thread count. With
/// one thread the batches run on the calling thread, and the command uses one core.
final class PredictionPipeline {
  private let writer: PredictionWriter
  private let output: OutputWriter
  /// Whether batches are predicted beside the reader (more than one thread).
  private let overlaps: Bool
  private var running: RunningBatch?
  /// An emptied batch whose buffers the next batch reuses.
  private var spare = PredictionBatch()
  /// Set when predicting or writing failed, so the command does not write past the failure.
  private(set) var failed = false

  /// A pipeline writing `writer`'s answers to `output`, overlapping when `threads` > 1.
  init(writer: PredictionWriter, output: OutputWriter, threads: Int) {
    self.writer = writer
    self.output = output
    overlaps = threads > 1
  }

  /// Hands over `batch`, which comes back empty, to be predicted and its answers written
  /// after those of the batches handed over before it.
  ///
  /// - Throws: The failure of the batch before it (its document's file and line), or what
  ///   writing that batch's answers throws.
  func submit(_ batch: inout PredictionBatch) throws {
    guard batch.count > 0 else { return }
    do {
      guard overlaps else {
        try write(writer.answers(of: batch))
        batch.removeAll()
        return
      }
      let finished = try collect()
      let job = RunningBatch()
      swap(&job.batch, &batch)
      swap(&batch, &spare)
      let writer = writer
      DispatchQueue.global().async {
        job.result = Result { () throws(CommandFailure) in try writer.answers(of: job.batch) }
        job.done.signal()
      }
      running = job
      if let finished { try write(finished) }
    } catch {
      failed = true
      throw error
    }
  }

  /// Writes the answers of the batch still being predicted, once it is done.
  ///
  /// - Throws: Its failure, or what writing throws.
  func finish() throws {
    do {
      if let answers = try collect() { try write(answers) }
    } catch {
      failed = true
      throw error
    }
  }

  /// Ends the run on `error`, thrown by reading, predicting or writing: writes out the
  /// answers that come before it in input order, then throws the first failure.
  ///
  /// A reading error comes after the answers of every batch read before it (the one still
  /// being predicted included), as when each batch was written before the next was read; a
  /// batch's failure comes after the answers of the batches before it. Both are flushed, so
  /// the output stops where the failure is, not where the buffer was last written out.
  ///
  /// - Throws: The failure of the batch still being predicted when it failed, else `error`;
  ///   or what writing throws.
  func stop(on error: any Error) throws -> Never {
    if !failed {
      do { try finish() } catch let failure {
        try output.flush()
        throw failure
      }
    }
    try output.flush()
    throw error
  }

  /// Waits for the batch still being predicted and drops its answers, when the command stops
  /// on an error of its own.
  func abandon() {
    _ = try? collect()
  }

  /// The answers of the running batch, after waiting for it; nil when none runs.
  private func collect() throws(CommandFailure) -> [[UInt8]]? {
    guard let job = running else { return nil }
    running = nil
    job.done.wait()
    swap(&spare, &job.batch)
    spare.removeAll()
    return try job.result.get()
  }

  private func write(_ answers: [[UInt8]]) throws {
    for part in answers {
      try part.withUnsafeBufferPointer { try output.write($0) }
    }
  }
}

/// A batch handed to a Dispatch thread, and its outcome.
///
/// Unchecked because the command touches ``batch`` and ``result`` only before the work is
/// queued and after ``done`` is signalled, and the work touches them only in between.
private final class RunningBatch: @unchecked Sendable {
  var batch = PredictionBatch()
  var result: Result<[[UInt8]], CommandFailure> = .success([])
  let done = DispatchSemaphore(value: 0)
}
