extension VocabularyBuilder {
  /// A vocabulary that keeps every word of `base` at its id, followed by the new words seen
  /// at least `minCount` times, ordered as ``build(minCount:maxSize:)`` orders them.
  ///
  /// Continued training needs the old ids to stay put: they are the rows the old model
  /// trained. `maxSize` caps the new words only, so an old word is never dropped. A base
  /// word's count grows by its occurrences in the new corpus.
  ///
  /// - Returns: The vocabulary, and for each provisional id its final id or -1 when cut.
  public func build(
    minCount: Int, maxSize: Int? = nil, extending base: Vocabulary
  ) -> (Vocabulary, remap: [Int32]) {
    var final = TokenTable()
    var finalCounts = base.counts
    for id in 0..<base.count {
      base.withUTF8(of: TokenID(Int32(id))) { bytes in
        _ = final.insert(bytes, hash: FNV1a.hash(UnsafeRawBufferPointer(bytes)))
      }
    }
    var remap = [Int32](repeating: -1, count: counts.count)
    var fresh: [Int] = []
    for provisional in counts.indices {
      let known = table.withUTF8(of: provisional) {
        final.find($0, hash: table.hashes[provisional])
      }
      if let known {
        remap[provisional] = Int32(known)
        finalCounts[known] += counts[provisional]
      } else if counts[provisional] >= minCount {
        fresh.append(provisional)
      }
    }
    fresh = inVocabularyOrder(fresh)
    if let maxSize, fresh.count > maxSize { fresh.removeSubrange(maxSize...) }
    for provisional in fresh {
      let id = table.withUTF8(of: provisional) {
        final.insert($0, hash: table.hashes[provisional])
      }
      remap[provisional] = Int32(id)
      finalCounts.append(counts[provisional])
    }
    return (Vocabulary(table: final, counts: finalCounts), remap)
  }
}
