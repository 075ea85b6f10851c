import Foundation

/// Reading each section of a model file, checked against the manifest before anything large
/// is allocated, so that a small damaged file cannot make the reader allocate a huge model.
extension ModelFile {
  /// Decodes the manifest and checks its shape and its tasks' label counts.
  static func readManifest(_ reader: BinaryReader?, path: String) throws -> ModelManifest {
    guard let reader else {
      throw ModelFileError.malformed(path: path, problem: "the manifest section is missing")
    }
    let manifest: ModelManifest
    do {
      manifest = try JSONDecoder().decode(
        ModelManifest.self, from: Data(reader.bytes[reader.offset..<reader.end]))
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
    for task in manifest.tasks {
      guard let biases = task.biases else { continue }
      guard biases.count == task.labels.count, biases.allSatisfy(\.isFinite) else {
        throw ModelFileError.malformed(
          path: path,
          problem: "task \"\(task.name)\" has \(biases.count) decision biases for"
            + " \(task.labels.count) labels, or one that is not a finite number")
      }
    }
    return manifest
  }

  /// Reads the vocabulary: each token's bytes and count, in id order, without duplicates.
  static func readVocabulary(_ reader: BinaryReader, path: String) throws -> Vocabulary {
    var reader = reader
    let sectionBytes = reader.remaining
    let tokenCount = Int(try reader.readUInt32())
    var builder = VocabularyBuilder()
    var counts: [Int] = []
    counts.reserveCapacity(min(tokenCount, sectionBytes / 12))
    for index in 0..<tokenCount {
      var token = try reader.readBytes(count: Int(try reader.readUInt32()))
      let hash = FNV1a.hash(token)
      let id = token.withUnsafeMutableBufferPointer {
        builder.add(UnsafeBufferPointer($0), hash: hash)
      }
      guard id == index else {
        throw ModelFileError.malformed(path: path, problem: "duplicate vocabulary token \(index)")
      }
      guard let count = Int(exactly: try reader.readUInt64()) else {
        throw ModelFileError.malformed(
          path: path, problem: "vocabulary token \(index) has a bad count")
      }
      counts.append(count)
    }
    return Vocabulary(table: builder.table, counts: counts)
  }

  /// Reads the shared embeddings from the one embedding section the file must hold: float
  /// rows, or quantized rows (decoded, and kept for writing the file again).
  static func readEmbeddings(
    float: BinaryReader?, quantized: BinaryReader?, manifest: ModelManifest,
    vocabulary: Vocabulary, version: UInt32, path: String
  ) throws -> (EmbeddingTable, QuantizedEmbeddings?) {
    let (expectedRows, rowsOverflow) = vocabulary.count.addingReportingOverflow(
      manifest.features.buckets)
    switch (float, quantized) {
    case (let reader?, nil):
      guard manifest.quantization == nil else {
        throw ModelFileError.malformed(
          path: path, problem: "the manifest records a quantization but the rows are float")
      }
      let table = try readSparseMatrix(
        reader, expectedRows: rowsOverflow ? -1 : expectedRows,
        expectedColumns: manifest.dimension, path: path)
      return (table, nil)
    case (nil, let reader?):
      guard version >= 2 else {
        throw ModelFileError.malformed(
          path: path, problem: "quantized rows need format version 2, the file says \(version)")
      }
      guard manifest.quantization != nil else {
        throw ModelFileError.malformed(
          path: path, problem: "the rows are quantized but the manifest does not record how")
      }
      let table = try readQuantized(
        reader, expectedRows: rowsOverflow ? -1 : expectedRows,
        expectedColumns: manifest.dimension, path: path)
      return (table.decoded(), table)
    case (nil, nil):
      throw ModelFileError.malformed(path: path, problem: "the embedding section is missing")
    case (.some, .some):
      throw ModelFileError.malformed(
        path: path, problem: "the file holds both float and quantized embedding sections")
    }
  }

  /// Reads each task's private table of a shared-private encoder, checking that every task
  /// has one of the manifest's shape; none without one.
  static func readPrivateTables(
    _ readers: [BinaryReader], manifest: ModelManifest, path: String
  ) throws -> [Matrix] {
    var privateTables = [Matrix?](
      repeating: nil, count: manifest.privateBuckets > 0 ? manifest.tasks.count : 0)
    for reader in readers {
      let (index, matrix) = try readMatrix(reader, path: path, hasIndex: true)
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
    return taskPrivateTables
  }

  /// Reads the sparse embedding matrix, checking its shape against the manifest's before
  /// allocating it, so a small file cannot make the reader allocate a huge matrix.
  static func readSparseMatrix(
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

  /// Reads a matrix section: its optional index, its shape, then its rows of floats.
  static func readMatrix(
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
  static func validatedHeads(
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
