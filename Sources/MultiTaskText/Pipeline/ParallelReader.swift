import Dispatch
import Foundation

/// Reads a training file on several threads, handing out its examples in file order, each
/// with its text already tokenized, so that the result is the same as reading on one thread.
///
/// Tokenizing is most of the cost of reading and needs only the text, while counting the
/// vocabulary must see documents in order. So the file is read in chunks of records, and each
/// round runs three kinds of work side by side on `threads` threads: reading the next chunk,
/// tokenizing the current one in pieces (each thread with its own ``TextPipeline``), and
/// handing the previous one, piece after piece, to `body`, which adds it to the builder.
/// `body` is called for one chunk at a time, in file order, never concurrently.
///
/// Errors come out as on one thread: a record error ends the chunk it occurs in, and is
/// thrown only after every example before it went to `body`; a text error travels with its
/// document and is thrown by the builder when that document's turn comes. So the first error
/// in file order is the one reported, with the same message, file and line.
struct ParallelReader {
  /// How many threads read, tokenize and hand out examples; at least 2.
  let threads: Int
  /// One text pipeline for each thread, by thread index.
  private let pipelines: [TextPipeline]

  /// A chunk ends after this many bytes of text or this many records, whichever comes first:
  /// large enough that a round's hand-offs cost nothing next to its work, small enough that
  /// the three chunks in flight take little memory.
  static let chunkBytes = 1 << 20
  static let defaultChunkRecords = 8192
  /// The most records in one chunk: ``defaultChunkRecords`` but in tests, which cut small
  /// files into many chunks to cross their boundaries.
  let chunkRecords: Int
  /// Each thread's share of a chunk is tokenized in this many pieces, so that threads that
  /// finish early take another piece.
  static let piecesPerThread = 4

  /// Opens one text pipeline per thread.
  ///
  /// - Parameters:
  ///   - threads: How many threads read; at least 2.
  ///   - text: How text is normalized and tokenized.
  ///   - chunkRecords: The most records in one chunk.
  /// - Throws: ``PipelineError/training(_:)`` when ICU cannot open a text pipeline.
  init(
    threads: Int, text: TextConfiguration, chunkRecords: Int = ParallelReader.defaultChunkRecords
  ) throws(PipelineError) {
    precondition(threads >= 2, "one thread reads through CorpusFile.read")
    self.threads = threads
    self.chunkRecords = max(1, chunkRecords)
    var pipelines: [TextPipeline] = []
    for _ in 0..<threads {
      do {
        pipelines.append(try TextPipeline(normalizer: text.normalizer, tokenizer: text.tokenizer))
      } catch { throw .training(.model(.textPipeline(error))) }
    }
    self.pipelines = pipelines
  }

  /// Streams the examples of `source` for task `task` into `body`, in file order, each with
  /// its tokens; the parallel form of ``CorpusFile/read(_:task:multiLabel:sharingTasks:skipInvalid:_:)``,
  /// with the same arguments.
  ///
  /// - Returns: What the reader counted: records read, skipped and repaired.
  /// - Throws: ``PipelineError/corpus(_:)`` for a read or record error, or what `body` throws,
  ///   whichever comes first in the file.
  func read(
    _ source: CorpusSource, task: String, multiLabel: Bool = false,
    sharingTasks: [String: Bool] = [:], skipInvalid: Bool,
    _ body: (Example, TokenizedDocument) throws(PipelineError) -> Void
  ) throws(PipelineError) -> CorpusStatistics {
    let reader = try CorpusFile.open(
      source, task: task, multiLabel: multiLabel, sharingTasks: sharingTasks,
      skipInvalid: skipInvalid)
    let shared = Shared(reader: reader, pipelines: pipelines)
    let records = chunkRecords
    try withoutActuallyEscaping(body) { (body) throws(PipelineError) in
      let handOut = Unchecked(body)
      var current = Self.readChunk(from: reader, records: chunkRecords)
      var previous: TokenizedChunk?
      while true {
        let pieces = Self.pieces(of: current.examples, count: threads * Self.piecesPerThread)
        let readsNext = current.isOpen
        let round = Round(
          pieces: pieces, readsNext: readsNext, handsOut: previous != nil)
        let chunk = current
        let waiting = previous
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
          while let unit = round.nextUnit() {
            switch unit {
            case .handOut:
              if let waiting { round.handOutError = Self.handOut(waiting, to: handOut.value) }
            case .read:
              round.next = Self.readChunk(from: shared.reader.value, records: records)
            case .tokenize(let piece):
              round.batches.store(
                Self.tokenize(
                  chunk.examples[pieces[piece]], pipeline: shared.pipelines.value[thread]),
                at: piece)
            }
          }
        }
        if let error = round.handOutError { throw error }
        let tokenized = TokenizedChunk(
          chunk: chunk, pieces: pieces,
          batches: (0..<pieces.count).map { round.batches.value(at: $0) ?? TokenizedBatch() })
        guard readsNext, let next = round.next else {
          if let error = Self.handOut(tokenized, to: body) { throw error }
          if let error = chunk.error { throw error }
          break
        }
        previous = tokenized
        current = next
      }
    }
    return reader.statistics
  }

  /// Hands a tokenized chunk's examples to `body` in order, and returns what `body` threw,
  /// if it did; the chunk's own record error is the caller's to throw afterwards.
  private static func handOut(
    _ tokenized: TokenizedChunk, to body: (Example, TokenizedDocument) throws(PipelineError) -> Void
  ) -> PipelineError? {
    for (piece, range) in tokenized.pieces.enumerated() {
      let batch = tokenized.batches[piece]
      for (index, example) in tokenized.chunk.examples[range].enumerated() {
        do throws(PipelineError) {
          try body(example, TokenizedDocument(batch: batch, index: index))
        } catch { return error }
      }
    }
    return nil
  }

  /// The next chunk of `reader`'s examples: up to ``chunkBytes`` of text or `records`
  /// records, ended early by the end of the file or a record error.
  private static func readChunk(from reader: CorpusReader, records: Int) -> Chunk {
    var chunk = Chunk()
    var bytes = 0
    while bytes < chunkBytes && chunk.examples.count < records {
      do throws(CorpusError) {
        guard let example = try reader.next() else {
          chunk.reachedEnd = true
          return chunk
        }
        bytes += example.text.utf8.count
        chunk.examples.append(example)
      } catch {
        chunk.error = .corpus(error)
        return chunk
      }
    }
    return chunk
  }

  /// `examples` cut into at most `count` contiguous ranges of about equal text length.
  static func pieces(of examples: [Example], count: Int) -> [Range<Int>] {
    guard !examples.isEmpty else { return [] }
    var total = 0
    var starts: [Int] = []
    starts.reserveCapacity(examples.count)
    for example in examples {
      starts.append(total)
      total += example.text.utf8.count
    }
    var ranges: [Range<Int>] = []
    var lower = 0
    for piece in 1...count {
      let target = total * piece / count
      var upper = lower
      while upper < examples.count && (piece == count || starts[upper] < target) { upper += 1 }
      if upper > lower { ranges.append(lower..<upper) }
      lower = upper
    }
    return ranges
  }

  /// Tokenizes `examples` into one batch.
  private static func tokenize(
    _ examples: ArraySlice<Example>, pipeline: TextPipeline
  ) -> TokenizedBatch {
    var batch = TokenizedBatch()
    var scratch = TokenizedText()
    for example in examples { batch.append(example.text, pipeline: pipeline, scratch: &scratch) }
    return batch
  }
}

extension ParallelReader {
  /// Records read in file order, then how the chunk ended.
  struct Chunk: Sendable {
    var examples: [Example] = []
    /// The record or read error that ended the chunk and the reading.
    var error: PipelineError?
    var reachedEnd = false

    /// Whether more records may follow.
    var isOpen: Bool { error == nil && !reachedEnd }
  }

  /// A chunk with each piece's tokens.
  struct TokenizedChunk {
    var chunk: Chunk
    var pieces: [Range<Int>]
    var batches: [TokenizedBatch]
  }

  /// What a round does, handed out one unit at a time: hand out the previous chunk, read the
  /// next, and tokenize the current one's pieces; the two serial units first, so that they
  /// overlap with the tokenizing.
  enum Unit {
    case handOut
    case read
    case tokenize(piece: Int)
  }

  /// One round's units and results. A class shared by the round's threads: the unit counter
  /// is locked, and each result is written by the one thread that took its unit and read
  /// after `concurrentPerform` returns.
  final class Round: @unchecked Sendable {
    private let lock = NSLock()
    private var units: [Unit]
    private var nextIndex = 0
    let batches: SliceSlots<TokenizedBatch>
    var next: Chunk?
    var handOutError: PipelineError?

    init(pieces: [Range<Int>], readsNext: Bool, handsOut: Bool) {
      units = (handsOut ? [.handOut] : []) + (readsNext ? [.read] : [])
      units += pieces.indices.map { .tokenize(piece: $0) }
      batches = SliceSlots(count: pieces.count)
    }

    /// The next unit of work, or nil when every unit is taken.
    func nextUnit() -> Unit? {
      lock.lock()
      defer { lock.unlock() }
      guard nextIndex < units.count else { return nil }
      defer { nextIndex += 1 }
      return units[nextIndex]
    }
  }

  /// The reader and the text pipelines, shared with the round's threads: the reader is used
  /// by one unit at a time, and pipeline `i` only by thread `i`.
  struct Shared: @unchecked Sendable {
    let reader: Unchecked<CorpusReader>
    let pipelines: Unchecked<[TextPipeline]>

    init(reader: CorpusReader, pipelines: [TextPipeline]) {
      self.reader = Unchecked(reader)
      self.pipelines = Unchecked(pipelines)
    }
  }

  /// A value passed to other threads that never use it at the same time.
  struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }
}
