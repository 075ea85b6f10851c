/// Streams the examples of one corpus file, in file order, with bounded memory.
///
/// The reader is the single entry point for every format: it reads lines, decodes them to
/// UTF-8, hands them to the format's record decoder and, when the source allows it, skips
/// malformed records while counting them. It is a class because it owns an open file.
///
/// ```swift
/// let reader = try CorpusReader(source: CorpusSource(path: "train.csv", format: .csv))
/// while let example = try reader.next() { … }
/// print(reader.statistics.recordsSkipped)
/// ```
public final class CorpusReader {
  /// The source being read.
  public let source: CorpusSource
  /// Counts of what was read, skipped and repaired so far.
  ///
  /// The near-miss label field comes from the record decoder when asked for, rather than
  /// being copied into the counts after every record.
  public var statistics: CorpusStatistics {
    var statistics = counts
    statistics.nearMissLabelField = recordDecoder.nearMissLabelField
    return statistics
  }

  /// What reading counted so far, apart from the decoder's near-miss finding.
  private var counts = CorpusStatistics()

  private let lines: LineReader
  private let lineDecoder: LineDecoder
  private var recordDecoder: any RecordDecoder
  private var lineBytes: [UInt8] = []
  private var reachedEnd = false
  private var sniffed = false
  /// The tasks whose unlabelled records are counted.
  private let countedTasks: [String]

  /// Opens a source for reading.
  ///
  /// - Parameter source: The file and how to read it.
  /// - Throws: `CorpusError.unreadable` when the file cannot be opened, or
  ///   `CorpusError.invalidConfiguration` when the settings cannot work.
  public init(source: CorpusSource) throws(CorpusError) {
    try source.validate()
    self.source = source
    counts = CorpusStatistics(path: source.path)
    counts.labelDescription = source.labelMarkDescription
    countedTasks = source.readsLabels ? [source.taskName] + source.sharingTasks.keys.sorted() : []
    do {
      lines = try LineReader(path: source.path)
    } catch {
      throw CorpusError(error)
    }
    lineDecoder = LineDecoder(encoding: source.encoding, strict: source.strictEncoding)
    switch source.format {
    case .jsonl: recordDecoder = JSONLRecordDecoder(source: source)
    case .csv, .tsv: recordDecoder = DelimitedRecordDecoder(source: source)
    case .fasttext: recordDecoder = FastTextRecordDecoder(source: source)
    }
  }

  /// Returns the next example, or `nil` at the end of the file.
  ///
  /// - Throws: `CorpusError` for a read failure, or for a malformed record unless the source
  ///   skips invalid records; skipped records are counted in ``statistics``.
  public func next() throws(CorpusError) -> Example? {
    if !sniffed {
      // A UTF-16 or binary file stops the reader even when invalid records may be skipped:
      // every record would fail.
      sniffed = true
      do { try sniff() } catch {
        reachedEnd = true
        throw error
      }
    }
    while !reachedEnd {
      do {
        if let example = try readRecord() {
          counts.examplesRead += 1
          if example.labels.isEmpty && example.labelLists.isEmpty {
            counts.unlabelledExamples += 1
          }
          counts.count(example, tasks: countedTasks)
          return example
        }
      } catch {
        guard source.skipInvalid, error.isRecordProblem else {
          reachedEnd = true
          throw error
        }
        recordDecoder.reset()
        counts.recordSkipped(error)
      }
    }
    return nil
  }

  /// Calls `body` with every remaining example, in file order.
  ///
  /// - Throws: What ``next()`` throws, or what `body` throws.
  public func forEach(_ body: (Example) throws -> Void) throws {
    while let example = try next() { try body(example) }
  }

  /// Reads lines until one completes a record; `nil` means the line did not, or the file
  /// ended.
  private func readRecord() throws(CorpusError) -> Example? {
    let hasLine: Bool
    do {
      hasLine = try lines.nextLine { raw in
        let outcome = lineDecoder.decode(
          raw, isFirstLine: lines.lineNumber == 1, into: &lineBytes)
        switch outcome {
        case .decoded: break
        case .repaired: counts.lineRepaired(lines.lineNumber)
        case .binary(let offset):
          throw CorpusError.binaryData(path: source.path, line: lines.lineNumber, offset: offset)
        case .invalid(let offset):
          throw CorpusError.invalidEncoding(
            path: source.path, line: lines.lineNumber,
            column: Self.column(ofOffset: offset, inRaw: raw), encoding: source.encoding)
        }
      }
    } catch let error as CorpusError {
      throw error
    } catch let error as LineReaderError {
      throw CorpusError(error)
    } catch {
      throw .unreadable(path: source.path, problem: "\(error)")
    }
    guard hasLine else {
      reachedEnd = true
      try recordDecoder.finish()
      return nil
    }
    return try lineBytes.withUnsafeBufferPointer { buffer throws(CorpusError) in
      try recordDecoder.consume(buffer, lineNumber: lines.lineNumber)
    }
  }

  /// Rejects a UTF-16 or binary file before its first line is parsed, so the error names the
  /// cause rather than a JSON or CSV syntax error it leads to.
  private func sniff() throws(CorpusError) {
    let finding: EncodingSniffer.Finding
    do {
      finding = try lines.withBufferedBytes { raw in
        EncodingSniffer.inspect(raw.bindMemory(to: UInt8.self))
      }
    } catch {
      throw CorpusError(error)
    }
    switch finding {
    case .text: return
    case .utf16(let line): throw .looksLikeUTF16(path: source.path, line: line)
    case .binary(let line, let offset):
      throw .binaryData(path: source.path, line: line, offset: offset)
    }
  }

  /// The character column of an invalid byte, counting the valid text before it.
  private static func column(ofOffset offset: Int, inRaw raw: UnsafeRawBufferPointer) -> Int {
    let bytes = raw.bindMemory(to: UInt8.self)
    return UTF8Bytes.column(ofOffset: offset, in: bytes)
  }
}
