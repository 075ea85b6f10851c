/// Counts tokens over the training corpora, then keeps the frequent ones as a ``Vocabulary``.
///
/// While counting, every distinct token gets a provisional id in order of first appearance,
/// so a corpus can be stored once as provisional ids and remapped after the cut instead of
/// being tokenized twice.
public struct VocabularyBuilder: Sendable {
  var table = TokenTable()
  /// Occurrences of each provisional id.
  public private(set) var counts: [Int] = []

  /// Creates an empty builder.
  public init() {}

  /// The number of distinct tokens seen.
  public var distinctCount: Int { table.count }

  /// Counts one occurrence and returns the token's provisional id.
  public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
    let id = table.insert(bytes, hash: hash)
    if id == counts.count { counts.append(0) }
    counts[id] += 1
    return Int32(id)
  }

  /// The FNV-1a hash of a provisional id's token.
  public func hash(ofProvisional id: Int32) -> UInt32 { table.hashes[Int(id)] }

  /// Calls `body` with the bytes of a provisional id's token.
  public func withUTF8<Result>(
    ofProvisional id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    table.withUTF8(of: Int(id), body)
  }

  /// Keeps tokens seen at least `minCount` times, at most `maxSize` of them, ordered by count
  /// descending and then by UTF-8 bytes ascending.
  ///
  /// - Returns: The vocabulary, and for each provisional id its final id or -1 when cut.
  public func build(minCount: Int, maxSize: Int? = nil) -> (Vocabulary, remap: [Int32]) {
    var kept = inVocabularyOrder(counts.indices.filter { counts[$0] >= minCount })
    if let maxSize, kept.count > maxSize { kept.removeSubrange(maxSize...) }
    var remap = [Int32](repeating: -1, count: counts.count)
    var final = TokenTable()
    var finalCounts: [Int] = []
    finalCounts.reserveCapacity(kept.count)
    for provisional in kept {
      let id = table.withUTF8(of: provisional) {
        final.insert($0, hash: table.hashes[provisional])
      }
      remap[provisional] = Int32(id)
      finalCounts.append(counts[provisional])
    }
    return (Vocabulary(table: final, counts: finalCounts), remap)
  }

  /// `provisional` ids ordered as a vocabulary lists them: by count descending, then by UTF-8
  /// bytes ascending, so the order never depends on the corpus's order.
  func inVocabularyOrder(_ provisional: [Int]) -> [Int] {
    provisional.sorted { left, right in
      if counts[left] != counts[right] { return counts[left] > counts[right] }
      return table.withUTF8(of: left) { leftBytes in
        table.withUTF8(of: right) { rightBytes in
          leftBytes.lexicographicallyPrecedes(rightBytes)
        }
      }
    }
  }
}
