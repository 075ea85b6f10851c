import Foundation

/// The `.mtl` model file: a magic number and version, tagged sections, and a checksum.
///
/// ```
/// magic "MTLM"  UInt32 version
/// section*      UInt32 tag, UInt64 length, payload
///   MANI        the manifest as JSON: text and feature recipe, tasks, labels, ICU version
///   VOCB        UInt32 count, then per token: UInt32 length, UTF-8 bytes, UInt64 count
///   EMBD        UInt32 rows, UInt32 columns, UInt32 stored rows n, n × UInt32 row index,
///               n × columns Float32; rows not stored are zero (never trained)
///   QEMB        (version 2, quantized models, in place of EMBD) UInt32 rows, UInt32 columns,
///               UInt32 stored rows n, UInt32 index bytes b, b bytes: each stored row's gap
///               from the previous one (row − previous − 1, the first from −1) as LEB128;
///               UInt8 encoding (1 product, 2 eight-bit), UInt8 norms (0 none, 1 quantized);
///               product: UInt32 sub-vector dimension d, UInt32 centroids k, k × columns
///               Float32 (sub-quantizer s's k × width(s) centroids after those of s − 1),
///               n × ⌈columns / d⌉ UInt8 codes; eight-bit: n Float32 offsets, n Float32
///               steps, n × columns UInt8 codes; quantized norms: UInt32 count c, c Float32,
///               n × UInt8 codes
///   HEAD        UInt32 task index, UInt32 rows, UInt32 columns, Float32 values
///   PRIV        a task's private table, laid out like HEAD (shared-private models only)
///   LINR        a task's sparse linear path (see `ModelFile+Linear.swift`; only tasks that
///               have one)
/// END           UInt32 tag "END ", UInt64 length 4, UInt32 CRC-32C of every byte before it
/// ```
///
/// Everything is little-endian. Readers reject a newer version and skip sections they do not
/// know. Version 1 files (float rows only) are still read; a quantized model needs version 2
/// and a manifest that records its quantization. Writing streams the sections to a temporary file and renames it into place, so a
/// crash mid-write leaves the previous model, and a large model is never copied in memory.
public enum ModelFile {
  /// The format version this build writes; it reads this version and older.
  public static let version: UInt32 = 2
  static let magic: UInt32 = tag("MTLM")
  static let manifestTag = tag("MANI")
  static let vocabularyTag = tag("VOCB")
  static let embeddingsTag = tag("EMBD")
  static let quantizedEmbeddingsTag = tag("QEMB")
  static let headTag = tag("HEAD")
  static let privateTag = tag("PRIV")
  static let endTag = tag("END ")
  /// Embedding rows written per chunk while streaming.
  static let rowsPerChunk = 4096

  static func tag(_ text: StaticString) -> UInt32 {
    let bytes = UnsafeBufferPointer(start: text.utf8Start, count: 4)
    return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16
      | UInt32(bytes[3]) << 24
  }

  /// The bytes of `model` in the file format.
  ///
  /// - Parameters:
  ///   - model: The model to encode.
  ///   - path: Names the model in errors, as in ``decode(_:path:)``.
  /// - Returns: The whole file, checksum included.
  /// - Throws: `PersistenceError.unencodableManifest` when the manifest cannot be written as
  ///   JSON, such as a task weight that is not a finite number.
  public static func encode(
    _ model: MultiTaskModel, path: String = "(in memory)"
  ) throws(PersistenceError) -> [UInt8] {
    var bytes: [UInt8] = []
    try stream(model, path: path) { (chunk) throws(PersistenceError) in
      bytes.append(contentsOf: chunk)
    }
    return bytes
  }

  /// Writes `model` to `path` atomically (temporary file, fsync, rename), streaming.
  ///
  /// - Throws: `PersistenceError.unencodableManifest` when the manifest cannot be written as
  ///   JSON, or `PersistenceError.fileSystem` naming the failed step; either way an existing
  ///   file at `path` is left as it was.
  public static func write(_ model: MultiTaskModel, to path: String) throws(PersistenceError) {
    try AtomicFileWriter().write(to: path) { (emit) throws(PersistenceError) in
      try stream(model, path: path, emit)
    }
  }

  /// Writes `model` beside `path` without putting it in place yet, so it can be committed
  /// together with the run's other files (see ``AtomicFileWriter/prepare(to:_:)``).
  ///
  /// - Throws: As ``write(_:to:)``; nothing at `path` changes.
  public static func prepare(
    _ model: MultiTaskModel, to path: String
  ) throws(PersistenceError) -> PreparedFile {
    try AtomicFileWriter().prepare(to: path) { (emit) throws(PersistenceError) in
      try stream(model, path: path, emit)
    }
  }

  /// Produces the file's bytes in order, in chunks, keeping the running checksum.
  ///
  /// The manifest is encoded before the first chunk is emitted, so a manifest that cannot be
  /// encoded fails the whole write instead of saving a file no reader could load.
  ///
  /// `version` is the number written in the header; only tests write an older one, to make
  /// the files of earlier builds. Returns the checksum written in the trailer, so a caller
  /// that needs it does not encode the model a second time.
  @discardableResult
  static func stream(
    _ model: MultiTaskModel, path: String, version: UInt32 = version,
    _ emit: ([UInt8]) throws(PersistenceError) -> Void
  ) throws(PersistenceError) -> UInt32 {
    var checksum = Checksum()
    func send(_ writer: inout BinaryWriter) throws(PersistenceError) {
      checksum.update(with: writer.bytes)
      try emit(writer.bytes)
      writer = BinaryWriter()
    }
    let manifest = try encodeManifest(model.manifest, path: path)
    var writer = BinaryWriter()
    writer.write(magic)
    writer.write(version)

    header(manifestTag, length: manifest.count, into: &writer)
    writer.write(contentsOf: manifest)

    let vocabulary = model.vocabulary
    let tokenBytes = vocabulary.table.utf8.count
    header(vocabularyTag, length: 4 + vocabulary.count * 12 + tokenBytes, into: &writer)
    writer.write(UInt32(vocabulary.count))
    for id in 0..<vocabulary.count {
      vocabulary.withUTF8(of: TokenID(Int32(id))) { utf8 in
        writer.write(UInt32(utf8.count))
        writer.write(contentsOf: Array(utf8))
      }
      writer.write(UInt64(vocabulary.counts[id]))
    }
    try send(&writer)

    if let quantized = model.quantizedEmbeddings {
      writeQuantized(quantized, into: &writer)
      try send(&writer)
    } else {
      try streamSparse(model.embeddings, into: &writer, send: send)
    }

    for (tag, matrices) in [(headTag, model.heads), (privateTag, model.privateEmbeddings)] {
      for (index, matrix) in matrices.enumerated() {
        header(tag, length: 12 + matrix.storage.count * 4, into: &writer)
        writer.write(UInt32(index))
        writer.write(UInt32(matrix.rows))
        writer.write(UInt32(matrix.columns))
        writer.write(contentsOf: matrix.storage)
        try send(&writer)
      }
    }
    try streamLinearPaths(model, into: &writer, send: send)
    writer.write(endTag)
    writer.write(UInt64(4))
    try send(&writer)
    writer.write(checksum.value)
    try emit(writer.bytes)
    return checksum.value
  }

  /// The manifest as JSON with sorted keys, so equal manifests always give equal bytes.
  ///
  /// - Throws: `PersistenceError.unencodableManifest` naming what could not be encoded.
  static func encodeManifest(_ manifest: ModelManifest, path: String) throws(PersistenceError)
    -> [UInt8]
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      return Array(try encoder.encode(manifest))
    } catch let EncodingError.invalidValue(value, context) {
      let location = context.codingPath.reduce("manifest") { location, key in
        key.intValue.map { "\(location)[\($0)]" } ?? "\(location).\(key.stringValue)"
      }
      throw .unencodableManifest(
        path: path,
        problem: "the value \(value) at \(location) cannot be written as JSON"
          + " (numbers must be finite)")
    } catch {
      throw .unencodableManifest(path: path, problem: "\(error)")
    }
  }

  /// Streams only the rows that are not all zero: with hashed buckets, most rows of a large
  /// bucket table are never trained, and storing them would make files mostly zeros.
  private static func streamSparse(
    _ matrix: EmbeddingTable, into writer: inout BinaryWriter,
    send: (inout BinaryWriter) throws(PersistenceError) -> Void
  ) throws(PersistenceError) {
    let columns = matrix.columns
    let stored = matrix.storedRows
    header(
      embeddingsTag, length: 12 + stored.count * 4 + stored.count * columns * 4, into: &writer)
    writer.write(UInt32(matrix.rows))
    writer.write(UInt32(columns))
    writer.write(UInt32(stored.count))
    for row in stored { writer.write(UInt32(row)) }
    try send(&writer)
    for (index, row) in stored.enumerated() {
      // `storedRows` lists only rows that have a position; a row without one is all zeros.
      if let position = matrix.position(of: row) {
        let start = position * columns
        writer.write(
          floats: UnsafeBufferPointer(start: matrix.storage.base + start, count: columns))
      } else {
        for _ in 0..<columns { writer.write(Float(0)) }
      }
      if (index + 1) % rowsPerChunk == 0 { try send(&writer) }
    }
    try send(&writer)
  }

  static func header(_ tag: UInt32, length: Int, into writer: inout BinaryWriter) {
    writer.write(tag)
    writer.write(UInt64(length))
  }
}
