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
///   HEAD        UInt32 task index, UInt32 rows, UInt32 columns, Float32 values
/// END           UInt32 tag "END ", UInt64 length 4, UInt32 CRC-32C of every byte before it
/// ```
///
/// Everything is little-endian. Readers reject a newer version and skip sections they do not
/// know. The file is written atomically, so a crash mid-write leaves the previous model.
public enum ModelFile {
  /// The format version this build writes; it reads this version and older.
  public static let version: UInt32 = 1
  static let magic: UInt32 = tag("MTLM")
  static let manifestTag = tag("MANI")
  static let vocabularyTag = tag("VOCB")
  static let embeddingsTag = tag("EMBD")
  static let headTag = tag("HEAD")
  static let endTag = tag("END ")

  static func tag(_ text: StaticString) -> UInt32 {
    let bytes = UnsafeBufferPointer(start: text.utf8Start, count: 4)
    return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16
      | UInt32(bytes[3]) << 24
  }

  /// The bytes of `model` in the file format.
  public static func encode(_ model: MultiTaskModel) throws -> [UInt8] {
    var writer = BinaryWriter(
      reservingCapacity: 64 + model.embeddings.storage.count * 4 + model.vocabulary.count * 16)
    writer.write(magic)
    writer.write(version)

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    section(manifestTag, into: &writer) {
      $0.write(contentsOf: Array((try? encoder.encode(model.manifest)) ?? Data()))
    }
    section(vocabularyTag, into: &writer) { writer in
      writer.write(UInt32(model.vocabulary.count))
      for id in 0..<model.vocabulary.count {
        model.vocabulary.withUTF8(of: TokenID(Int32(id))) { utf8 in
          writer.write(UInt32(utf8.count))
          writer.write(contentsOf: Array(utf8))
        }
        writer.write(UInt64(model.vocabulary.counts[id]))
      }
    }
    section(embeddingsTag, into: &writer) { writer in
      writeSparse(model.embeddings, into: &writer)
    }
    for (index, head) in model.heads.enumerated() {
      section(headTag, into: &writer) { writer in
        writer.write(UInt32(index))
        writer.write(UInt32(head.rows))
        writer.write(UInt32(head.columns))
        writer.write(contentsOf: head.storage)
      }
    }
    writer.write(endTag)
    writer.write(UInt64(4))
    writer.write(Checksum.of(writer.bytes))
    return writer.bytes
  }

  /// Writes `model` to `path` atomically (temporary file, fsync, rename).
  public static func write(_ model: MultiTaskModel, to path: String) throws {
    try AtomicFileWriter().write(try encode(model), to: path)
  }

  /// Writes only the rows that are not all zero: with hashed buckets, most rows of a large
  /// bucket table are never trained, and storing them would make files mostly zeros.
  private static func writeSparse(_ matrix: Matrix, into writer: inout BinaryWriter) {
    let columns = matrix.columns
    let stored = (0..<matrix.rows).filter { row in
      matrix.storage[(row * columns)..<((row + 1) * columns)].contains { $0 != 0 }
    }
    writer.write(UInt32(matrix.rows))
    writer.write(UInt32(columns))
    writer.write(UInt32(stored.count))
    for row in stored { writer.write(UInt32(row)) }
    for row in stored {
      for column in 0..<columns { writer.write(matrix.storage[row * columns + column]) }
    }
  }

  private static func section(
    _ tag: UInt32, into writer: inout BinaryWriter, _ body: (inout BinaryWriter) -> Void
  ) {
    var payload = BinaryWriter()
    body(&payload)
    writer.write(tag)
    writer.write(UInt64(payload.count))
    writer.write(contentsOf: payload.bytes)
  }
}
