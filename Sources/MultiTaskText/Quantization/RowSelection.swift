/// Which trained rows a quantized model keeps, and where they go once pruned words leave the
/// vocabulary.
///
/// Like fastText's `-cutoff`, pruning keeps the rows of largest L2 norm: a feature's effect
/// on the document vector grows with its row's norm, and the many rare n-gram buckets have
/// short rows. The document marker's row, shared by every document, is always kept. A word
/// whose row goes is removed from the vocabulary, so the file no longer spells it; the
/// word's n-grams are unaffected, since they hash its text, not its id.
struct RowSelection {
  /// The kept rows of the float model, in increasing order.
  let keptRows: [Int]
  /// The kept words, in increasing id order: the new vocabulary.
  let keptWords: [Int]
  /// Rows of the float model, one per row, kept or not: words first, then buckets.
  let rowsBefore: Int

  /// Selects the rows of `table` to keep.
  ///
  /// - Parameters:
  ///   - table: The float model's embeddings.
  ///   - vocabularyCount: The float model's vocabulary size.
  ///   - cutoff: At most this many rows are kept; nil keeps every trained row.
  ///   - alwaysKept: A row kept whatever its norm, when it is trained (the document marker).
  ///   - pruneWords: Whether words without rows leave the vocabulary. A shared-private model
  ///     keeps them, because its private rows are chosen from feature ids.
  init(
    table: EmbeddingTable, vocabularyCount: Int, cutoff: Int?, alwaysKept: Int?,
    pruneWords: Bool
  ) {
    let trained = table.storedRows
    rowsBefore = table.rows
    var kept = trained
    if let cutoff, cutoff < trained.count {
      let norms = trained.map { Self.squaredNorm(table.row($0)) }
      var order = Array(trained.indices)
      // Largest norm first; equal norms keep the lower row, so the choice is deterministic.
      order.sort { norms[$0] != norms[$1] ? norms[$0] > norms[$1] : $0 < $1 }
      var chosen = Set(order.prefix(cutoff).map { trained[$0] })
      if let alwaysKept, trained.contains(alwaysKept), !chosen.contains(alwaysKept) {
        if let last = order.prefix(cutoff).last { chosen.remove(trained[last]) }
        chosen.insert(alwaysKept)
      }
      kept = chosen.sorted()
    }
    keptRows = kept
    keptWords =
      pruneWords ? kept.filter { $0 < vocabularyCount } : Array(0..<vocabularyCount)
  }

  static func squaredNorm(_ values: [Float]) -> Float {
    values.reduce(0) { $0 + $1 * $1 }
  }
}
