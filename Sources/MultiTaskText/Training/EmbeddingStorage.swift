#if canImport(Glibc)
  import Glibc
#endif

/// The shared embedding rows during training: only the rows some training document uses,
/// packed together, plus one row that stays zero.
///
/// A 2M-bucket table at dimension 50 is 400 MB, yet a corpus touches only the buckets its
/// n-grams hash to. Training renumbers the features it will ever see to consecutive rows, so
/// memory follows the corpus rather than the bucket count, initialization costs time only for
/// rows that matter, and the rows a document reads sit closer together in cache. A dev
/// document's feature that no training document has is mapped to the zero row: it adds
/// nothing to the mean but still counts in it, exactly as an untrained row of the full table
/// would. Each row draws its initial values from its own random stream (the seed and the
/// row's original number), so they do not depend on which other rows exist, and the same
/// seed gives the same model.
final class EmbeddingStorage {
  /// Rows of the full table the model will have.
  let rows: Int
  let columns: Int
  /// The packed rows (the used rows in ascending order, then the zero row).
  let pointer: UnsafeMutablePointer<Float>
  /// The original row of each packed row, ascending.
  let usedRows: [Int32]
  private var ownsPointer = true

  /// The packed row every unknown feature maps to.
  var zeroRow: Int32 { Int32(usedRows.count) }

  /// Packs the rows that `features` use and initializes them uniformly in ±`bound`.
  convenience init?(rows: Int, columns: Int, features: [Int32], seed: UInt64, bound: Float) {
    var used = [Bool](repeating: false, count: rows)
    for id in features { used[Int(id)] = true }
    self.init(rows: rows, columns: columns, used: used, seed: seed, bound: bound)
  }

  /// Packs the rows `used` marks and initializes them uniformly in ±`bound`.
  init?(rows: Int, columns: Int, used: [Bool], seed: UInt64, bound: Float) {
    usedRows = used.indices.compactMap { used[$0] ? Int32($0) : nil }
    let count = (usedRows.count + 1) * columns
    guard let memory = calloc(count, MemoryLayout<Float>.stride) else { return nil }
    self.rows = rows
    self.columns = columns
    pointer = memory.bindMemory(to: Float.self, capacity: count)
    for (index, row) in usedRows.enumerated() {
      var generator = SplitMix64(seed: seed, stream: Self.streamBase &+ UInt64(row))
      let start = pointer + index * columns
      for column in 0..<columns {
        start[column] = (generator.nextUnitFloat() * 2 - 1) * bound
      }
    }
  }

  deinit { if ownsPointer { free(pointer) } }

  /// Streams for row initialization start here, clear of the named streams.
  static let streamBase: UInt64 = 0x1000

  /// Overwrites the rows that `vectors` has values for and the corpus uses; returns how many.
  func initialize(from vectors: InitialVectors, packed: [Int32]) -> Int {
    var count = 0
    for (row, values) in vectors.rows where Int(row) < packed.count {
      let target = packed[Int(row)]
      guard target != zeroRow else { continue }
      values.withUnsafeBufferPointer { source in
        guard let base = source.baseAddress else { return }
        (pointer + Int(target) * columns).update(from: base, count: columns)
      }
      count += 1
    }
    return count
  }

  /// For each row of the full table, its packed row, or the zero row when unused.
  func packedRows() -> [Int32] {
    var packed = [Int32](repeating: zeroRow, count: rows)
    for (index, row) in usedRows.enumerated() { packed[Int(row)] = Int32(index) }
    return packed
  }

  /// Replaces every feature id in `features` with `rows[id]`.
  static func remap(_ features: inout [Int32], to rows: [Int32]) {
    features.withUnsafeMutableBufferPointer { features in
      for index in features.indices { features[index] = rows[Int(features[index])] }
    }
  }

  /// A copy of every packed row's values.
  func snapshot() -> [Float] {
    Array(UnsafeBufferPointer(start: pointer, count: usedRows.count * columns))
  }

  /// Puts back the values of ``snapshot()``.
  func restore(_ values: [Float]) {
    let pointer = pointer
    values.withUnsafeBufferPointer { buffer in
      // An empty snapshot (no used rows) may have no address; there is nothing to copy then.
      guard let source = buffer.baseAddress else { return }
      pointer.update(from: source, count: buffer.count)
    }
  }

  /// The trained table; the storage is used up and its memory handed over without a copy.
  func finish() -> EmbeddingTable {
    ownsPointer = false
    return EmbeddingTable(
      rows: rows, columns: columns, storedRows: usedRows.map { UInt32($0) },
      storage: FloatStorage(adopting: pointer, count: usedRows.count * columns))
  }
}
