import Foundation

extension ModelFile {
  /// Reads the model at `path`.
  ///
  /// Checks, in order, that the file starts with the magic number, has a version this build
  /// reads, is complete, and matches its checksum; each failure is its own error.
  ///
  /// - Throws: ``ModelFileError``.
  public static func read(path: String) throws(ModelFileError) -> MultiTaskModel {
    let bytes: [UInt8]
    do {
      bytes = try FileBytes.read(
        path: path, limit: maximumFileBytes,
        expectedPrefix: withUnsafeBytes(of: magic.littleEndian, Array.init),
        headCheck: FileBytes.HeadCheck(length: 12) { head in
          // The first section's tag follows the magic number and the version.
          let tag =
            UInt32(head[8]) | UInt32(head[9]) << 8 | UInt32(head[10]) << 16
            | UInt32(head[11]) << 24
          return isSectionTag(tag)
            ? nil
            : "the bytes at 8 are not a section (a tag of four letters was expected); the file"
              + " is damaged"
        })
    } catch {
      if error.wrongPrefix { throw .notAModel(path: path) }
      if error.damagedHead { throw .malformed(path: path, problem: error.problem) }
      throw .unreadable(path: path, problem: error.problem)
    }
    return try decode(bytes, path: path)
  }

  /// The largest model file `mtl` reads: 16 GiB, several times a model with two million
  /// buckets of dimension 300 plus a large vocabulary. A regular file above it is refused
  /// from its size; a pipe or device is refused once that much has been read.
  public static let maximumFileBytes = 1 << 34

  /// Decodes model bytes; `path` names the source in errors.
  public static func decode(_ bytes: [UInt8], path: String) throws(ModelFileError) -> MultiTaskModel
  {
    var reader = BinaryReader(bytes: bytes, path: path)
    do {
      let foundMagic = try reader.readUInt32()
      guard foundMagic == magic else { throw ModelFileError.notAModel(path: path) }
      let foundVersion = try reader.readUInt32()
      guard foundVersion >= 1 else {
        throw ModelFileError.malformed(
          path: path,
          problem: "format version 0 does not exist (versions start at 1); the file is damaged")
      }
      guard foundVersion <= version else {
        throw ModelFileError.unsupportedVersion(path: path, found: foundVersion, supported: version)
      }
      // Walk the sections first so truncation is reported as such, then check the checksum.
      var sections: [(tag: UInt32, range: Range<Int>)] = []
      while true {
        let tag = try reader.readUInt32()
        let length = try reader.readUInt64()
        // A tag is four printable ASCII letters; anything else (zeros after the header, a
        // shifted length) is damage, found before the rest of the file is walked.
        guard isSectionTag(tag) else {
          throw ModelFileError.malformed(
            path: path,
            problem: "the bytes at \(reader.offset - 12) are not a section (a tag of four letters"
              + " was expected); the file is damaged")
        }
        guard sections.count < ModelLimits.maximumSections else {
          throw ModelFileError.malformed(
            path: path, problem: "more than \(ModelLimits.maximumSections) sections")
        }
        guard length <= UInt64(reader.remaining) else {
          // A file that still ends with its end section was copied completely, so a length
          // running past its end was damaged, not cut short; so is one no model could have.
          if endsWithEndSection(bytes) || length > maximumSectionLength {
            throw ModelFileError.malformed(
              path: path,
              problem: "the section at byte \(reader.offset - 12) declares \(length) bytes, more"
                + " than the \(reader.remaining) left in the file; the file is damaged")
          }
          throw ModelFileError.truncated(
            path: path, offset: reader.offset, needed: Int(clamping: length))
        }
        let start = reader.offset
        try reader.skip(count: Int(length))
        if tag == endTag {
          guard length == 4 else {
            throw ModelFileError.malformed(path: path, problem: "bad end marker")
          }
          var storedReader = BinaryReader(bytes: bytes, range: start..<(start + 4), path: path)
          let expected = try storedReader.readUInt32()
          let actual = Checksum.of(bytes[0..<start])
          guard expected == actual else {
            throw ModelFileError.checksumMismatch(path: path)
          }
          break
        }
        sections.append((tag, start..<(start + Int(length))))
      }
      return try assemble(bytes: bytes, sections: sections, version: foundVersion, path: path)
    } catch let error as ModelFileError {
      throw error
    } catch let error as PersistenceError {
      if case .truncated(_, let offset, let needed) = error {
        throw .truncated(path: path, offset: offset, needed: needed)
      }
      throw .malformed(path: path, problem: "\(error)")
    } catch {
      throw .malformed(path: path, problem: "\(error)")
    }
  }

  /// The longest section any model writes: 2^40 bytes (1 TiB), so a length above it is
  /// damage, never a model that was cut short.
  static let maximumSectionLength: UInt64 = 1 << 40

  /// Whether `tag` is four printable ASCII characters, as every section tag is.
  static func isSectionTag(_ tag: UInt32) -> Bool {
    (0..<4).allSatisfy { shift in
      let byte = (tag >> (8 * UInt32(shift))) & 0xFF
      return byte >= 0x20 && byte < 0x7F
    }
  }

  /// Whether `bytes` end with an end section (tag, length 4, checksum) whose checksum holds.
  private static func endsWithEndSection(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 24 else { return false }
    var reader = BinaryReader(bytes: bytes, range: (bytes.count - 16)..<bytes.count, path: "")
    guard (try? reader.readUInt32()) == endTag, (try? reader.readUInt64()) == 4,
      let stored = try? reader.readUInt32()
    else { return false }
    return stored == Checksum.of(bytes[0..<(bytes.count - 4)])
  }

  private static func assemble(
    bytes: [UInt8], sections: [(tag: UInt32, range: Range<Int>)], version: UInt32, path: String
  ) throws -> MultiTaskModel {
    func payload(_ range: Range<Int>) -> BinaryReader {
      BinaryReader(bytes: bytes, range: range, path: path)
    }
    guard let manifestRange = sections.first(where: { $0.tag == manifestTag })?.range else {
      throw ModelFileError.malformed(path: path, problem: "the manifest section is missing")
    }
    let manifest: ModelManifest
    do {
      manifest = try JSONDecoder().decode(ModelManifest.self, from: Data(bytes[manifestRange]))
    } catch {
      throw ModelFileError.malformed(path: path, problem: "the manifest is not valid: \(error)")
    }
    if let problem = ModelLimits.problem(
      rows: manifest.features.buckets, dimension: manifest.dimension)
    {
      throw ModelFileError.malformed(path: path, problem: "the manifest's shape: \(problem)")
    }
    for task in manifest.tasks where task.labels.count > LabelSet.maximumCount {
      throw ModelFileError.malformed(
        path: path,
        problem: "task \"\(task.name)\" declares \(task.labels.count) labels, more than the"
          + " \(LabelSet.maximumCount) a task may have")
    }
    guard let vocabularyRange = sections.first(where: { $0.tag == vocabularyTag })?.range else {
      throw ModelFileError.malformed(path: path, problem: "the vocabulary section is missing")
    }
    var vocabularyReader = payload(vocabularyRange)
    let tokenCount = Int(try vocabularyReader.readUInt32())
    var builder = VocabularyBuilder()
    var counts: [Int] = []
    counts.reserveCapacity(min(tokenCount, vocabularyRange.count / 12))
    for index in 0..<tokenCount {
      var token = try vocabularyReader.readBytes(count: Int(try vocabularyReader.readUInt32()))
      let hash = FNV1a.hash(token)
      let id = token.withUnsafeMutableBufferPointer {
        builder.add(UnsafeBufferPointer($0), hash: hash)
      }
      guard id == index else {
        throw ModelFileError.malformed(path: path, problem: "duplicate vocabulary token \(index)")
      }
      guard let count = Int(exactly: try vocabularyReader.readUInt64()) else {
        throw ModelFileError.malformed(
          path: path, problem: "vocabulary token \(index) has a bad count")
      }
      counts.append(count)
    }
    let vocabulary = Vocabulary(table: builder.table, counts: counts)

    let (expectedRows, rowsOverflow) = vocabulary.count.addingReportingOverflow(
      manifest.features.buckets)
    let embeddings: EmbeddingTable
    var quantized: QuantizedEmbeddings?
    let floatRange = sections.first(where: { $0.tag == embeddingsTag })?.range
    let quantizedRange = sections.first(where: { $0.tag == quantizedEmbeddingsTag })?.range
    switch (floatRange, quantizedRange) {
    case (let range?, nil):
      guard manifest.quantization == nil else {
        throw ModelFileError.malformed(
          path: path, problem: "the manifest records a quantization but the rows are float")
      }
      embeddings = try readSparseMatrix(
        payload(range), expectedRows: rowsOverflow ? -1 : expectedRows,
        expectedColumns: manifest.dimension, path: path)
    case (nil, let range?):
      guard version >= 2 else {
        throw ModelFileError.malformed(
          path: path, problem: "quantized rows need format version 2, the file says \(version)")
      }
      guard manifest.quantization != nil else {
        throw ModelFileError.malformed(
          path: path, problem: "the rows are quantized but the manifest does not record how")
      }
      let table = try readQuantized(
        payload(range), expectedRows: rowsOverflow ? -1 : expectedRows,
        expectedColumns: manifest.dimension, path: path)
      quantized = table
      embeddings = table.decoded()
    case (nil, nil):
      throw ModelFileError.malformed(path: path, problem: "the embedding section is missing")
    case (.some, .some):
      throw ModelFileError.malformed(
        path: path, problem: "the file holds both float and quantized embedding sections")
    }
    var heads = [Matrix?](repeating: nil, count: manifest.tasks.count)
    for section in sections where section.tag == headTag {
      let (index, matrix) = try readMatrix(payload(section.range), path: path, hasIndex: true)
      guard index < heads.count else {
        throw ModelFileError.malformed(path: path, problem: "head \(index) has no task")
      }
      heads[index] = matrix
    }
    let taskHeads = try validatedHeads(manifest, vocabulary, embeddings, heads, path: path)
    var privateTables = [Matrix?](
      repeating: nil, count: manifest.privateBuckets > 0 ? manifest.tasks.count : 0)
    for section in sections where section.tag == privateTag {
      let (index, matrix) = try readMatrix(payload(section.range), path: path, hasIndex: true)
      guard index < privateTables.count, matrix.rows == manifest.privateBuckets,
        matrix.columns == manifest.dimension
      else {
        throw ModelFileError.malformed(
          path: path, problem: "private table \(index) does not match the manifest")
      }
      privateTables[index] = matrix
    }
    let taskPrivateTables = privateTables.compactMap { $0 }
    guard taskPrivateTables.count == privateTables.count else {
      throw ModelFileError.malformed(path: path, problem: "a task's private table is missing")
    }
    var model = MultiTaskModel(
      manifest: manifest, vocabulary: vocabulary, embeddings: embeddings,
      heads: taskHeads, privateEmbeddings: taskPrivateTables)
    model.quantizedEmbeddings = quantized
    return model
  }

  /// Reads the sparse embedding matrix, checking its shape against the manifest's before
  /// allocating it, so a small file cannot make the reader allocate a huge matrix.
  private static func readSparseMatrix(
    _ reader: BinaryReader, expectedRows: Int, expectedColumns: Int, path: String
  ) throws -> EmbeddingTable {
    var reader = reader
    let rows = Int(try reader.readUInt32())
    let columns = Int(try reader.readUInt32())
    let stored = Int(try reader.readUInt32())
    guard rows == expectedRows, columns == expectedColumns else {
      throw ModelFileError.malformed(
        path: path,
        problem: "the embedding section holds a \(rows) × \(columns) matrix, the manifest needs "
          + "\(expectedRows) × \(expectedColumns)")
    }
    let (size, overflow) = rows.multipliedReportingOverflow(by: columns)
    // Each stored row takes a 4-byte index and `columns` floats.
    let (storedBytes, storedOverflow) = stored.multipliedReportingOverflow(by: (columns + 1) * 4)
    // A loaded table keeps one 4-byte position per row, so the row count is bounded too:
    // 2^28 rows is far beyond any real vocabulary plus buckets.
    guard !overflow, !storedOverflow, stored <= rows, reader.remaining == storedBytes,
      ModelLimits.problem(rows: rows, dimension: columns) == nil, size >= 0
    else {
      throw ModelFileError.malformed(
        path: path, problem: "a \(rows) × \(columns) embedding matrix does not fit its section")
    }
    let indices = try reader.readUInt32s(count: stored)
    var previous = -1
    for index in indices {
      guard Int(index) > previous, Int(index) < rows else {
        throw ModelFileError.malformed(
          path: path, problem: "embedding row \(index) is out of order")
      }
      previous = Int(index)
    }
    return EmbeddingTable(
      rows: rows, columns: columns, storedRows: indices,
      values: try reader.readFloats(count: stored * columns))
  }

  private static func readMatrix(
    _ reader: BinaryReader, path: String, hasIndex: Bool
  ) throws -> (index: Int, matrix: Matrix) {
    var reader = reader
    let index = hasIndex ? Int(try reader.readUInt32()) : 0
    let rows = Int(try reader.readUInt32())
    let columns = Int(try reader.readUInt32())
    let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
    guard !overflow, reader.remaining % 4 == 0, count == reader.remaining / 4 else {
      throw ModelFileError.malformed(
        path: path, problem: "a \(rows) × \(columns) matrix does not fit its section")
    }
    return (
      index,
      Matrix(rows: rows, columns: columns, storage: try reader.readFloats(count: rows * columns))
    )
  }

  /// Checks the embedding matrix and every task's head against the manifest.
  ///
  /// - Returns: The heads in task order, now known to be all present.
  private static func validatedHeads(
    _ manifest: ModelManifest, _ vocabulary: Vocabulary, _ embeddings: EmbeddingTable,
    _ heads: [Matrix?],
    path: String
  ) throws -> [Matrix] {
    guard embeddings.columns == manifest.dimension,
      embeddings.rows == vocabulary.count + manifest.features.buckets
    else {
      throw ModelFileError.malformed(
        path: path,
        problem: "the embedding matrix is \(embeddings.rows) × \(embeddings.columns), expected "
          + "\(vocabulary.count + manifest.features.buckets) × \(manifest.dimension)")
    }
    var taskHeads: [Matrix] = []
    taskHeads.reserveCapacity(manifest.tasks.count)
    for (index, task) in manifest.tasks.enumerated() {
      guard let head = heads[index] else {
        throw ModelFileError.malformed(path: path, problem: "task \"\(task.name)\" has no head")
      }
      guard head.rows == task.labels.count, head.columns == manifest.dimension else {
        throw ModelFileError.malformed(
          path: path, problem: "the head of task \"\(task.name)\" has the wrong shape")
      }
      taskHeads.append(head)
    }
    return taskHeads
  }
}

/// Why a model file could not be loaded. Every message starts with the file's path.
public enum ModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file is missing, a directory, or unreadable.
  case unreadable(path: String, problem: String)
  /// The file does not start with the model magic number.
  case notAModel(path: String)
  /// The file was written by a newer, incompatible version.
  case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
  /// The file ends early.
  case truncated(path: String, offset: Int, needed: Int)
  /// The contents do not match the checksum: the file was damaged after it was written.
  case checksumMismatch(path: String)
  /// The structure is inconsistent.
  case malformed(path: String, problem: String)

  /// A one-line message for a terminal starting with the path, saying what is wrong and,
  /// where there is one, what to do (upgrade `mtl`, copy the file again).
  public var description: String {
    switch self {
    case .unreadable(let path, let problem): return "\(path): cannot read the model: \(problem)"
    case .notAModel(let path):
      return "\(path): not an mtl model file (the magic number \"MTLM\" is missing)"
    case .unsupportedVersion(let path, let found, let supported):
      return "\(path): model format version \(found) is newer than this mtl supports "
        + "(\(supported)); upgrade mtl"
    case .truncated(let path, let offset, let needed):
      return "\(path): the model file is truncated at byte \(offset) "
        + "(needed \(needed) more bytes); it was probably not copied completely"
    case .checksumMismatch(let path):
      return "\(path): the model file is damaged (checksum mismatch)"
    case .malformed(let path, let problem): return "\(path): malformed model file: \(problem)"
    }
  }
}
