/// Each word's input rows during pretraining: its own row, then the rows of its character
/// n-grams, found with fastText's hash so the result reads as a fastText model.
struct PretrainingSubwords: Sendable {
  /// Where each word's rows start in ``rows``, and one more entry at the end.
  let starts: [Int]
  /// Every word's rows, back to back.
  let rows: [Int32]

  /// The rows of `words` under `settings`' n-gram lengths and `buckets` (0 for none).
  init(words: [String], settings: PretrainingSettings, buckets: Int) {
    var starts = [0]
    var rows: [Int32] = []
    starts.reserveCapacity(words.count + 1)
    for (id, word) in words.enumerated() {
      rows.append(Int32(id))
      let bytes = Array(word.utf8)
      if buckets > 0 && bytes != FastTextSubwords.endOfSentence {
        FastTextSubwords.forEachNgram(
          of: bytes, minimum: settings.minCharNgram, maximum: settings.maxCharNgram
        ) { _, _, fastText in
          rows.append(Int32(words.count + Int(fastText % UInt32(buckets))))
        }
      }
      starts.append(rows.count)
    }
    self.starts = starts
    self.rows = rows
  }

  /// The rows of word `id`.
  @inline(__always)
  func rows(of id: Int32) -> Range<Int> { starts[Int(id)]..<starts[Int(id) + 1] }
}

/// The two random choices of pretraining that depend on word counts: which occurrences of
/// frequent words are skipped, and which words serve as negatives.
struct PretrainingSampling: Sendable {
  /// The probability of keeping an occurrence of each word (fastText's `pdiscard`); a
  /// threshold of 0 keeps every occurrence.
  let keep: [Float]
  /// Word ids in proportion to the square root of their counts, as fastText's table.
  let negatives: [Int32]

  /// Tables for words with `counts` among `tokenCount` tokens.
  init(counts: [Int], tokenCount: Int, threshold: Double, tableSize: Int) {
    let total = Double(max(1, tokenCount))
    keep = counts.map { count in
      guard threshold > 0 else { return 1 }
      let frequency = Double(count) / total
      return Float(min(1, (threshold / frequency).squareRoot() + threshold / frequency))
    }
    let weights = counts.map { Double($0).squareRoot() }
    let sum = weights.reduce(0, +)
    var negatives: [Int32] = []
    negatives.reserveCapacity(tableSize + counts.count)
    for (id, weight) in weights.enumerated() {
      let copies = max(1, Int(weight * Double(tableSize) / sum))
      negatives.append(contentsOf: repeatElement(Int32(id), count: copies))
    }
    self.negatives = negatives
  }
}
