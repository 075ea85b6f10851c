/// Starting rows from a fastText `.bin` model: a vector for every vocabulary word, and one for
/// every character n-gram bucket the vocabulary's words reach.
///
/// A word's vector is what fastText's `print-word-vectors` prints: the mean of its own row (when
/// fastText's dictionary has it) and the rows of its character n-grams, so a word fastText
/// never saw still gets one from its pieces. When our character n-grams are on, each bucket
/// they hash a vocabulary word's n-gram to starts as the mean of the fastText rows those
/// n-grams have (n-grams of lengths fastText did not train are left random). Word n-gram
/// buckets and rows fastText has nothing for keep their random start.
enum FastTextBinaryVectors {
  /// The starting rows that the file at `path` gives a model over `vocabulary` and `features`.
  ///
  /// - Parameters:
  ///   - path: A fastText `.bin` file (not `.ftz`).
  ///   - dimension: The model's dimension, which the file must have.
  ///   - vocabulary: The training vocabulary; the words are matched byte for byte.
  ///   - features: The resolved feature settings, for the buckets and n-gram lengths.
  /// - Throws: ``PretrainedVectorsError`` naming the file, and the byte for damage.
  static func read(
    path: String, dimension: Int, vocabulary: Vocabulary, features: FeatureConfiguration
  ) throws(PretrainedVectorsError) -> InitialVectors {
    let file = try FastTextBinaryFile(path: path, dimension: dimension, vocabulary: vocabulary)
    var sources: [(row: Int32, fastTextRows: [Int])] = []
    for id in 0..<vocabulary.count {
      let rows = wordVectorRows(
        of: Array(vocabulary.token(TokenID(Int32(id))).utf8), wordRow: file.wordRows[Int32(id)],
        in: file)
      if !rows.isEmpty { sources.append((Int32(id), rows)) }
    }
    if features.usesCharacterNgrams && file.maximumNgram > 0 && file.buckets > 0 {
      sources += bucketRows(vocabulary: vocabulary, features: features, file: file)
    }
    return try average(sources, file: file)
  }

  /// The fastText rows whose mean is fastText's vector for `word`: its own row, then its
  /// n-grams' rows (none for `</s>`, as fastText does).
  static func wordVectorRows(of word: [UInt8], wordRow: Int?, in file: FastTextBinaryFile)
    -> [Int]
  {
    var rows: [Int] = wordRow.map { [$0] } ?? []
    guard file.maximumNgram > 0, file.buckets > 0, word != FastTextSubwords.endOfSentence
    else { return rows }
    FastTextSubwords.forEachNgram(
      of: word, minimum: file.minimumNgram, maximum: file.maximumNgram
    ) { _, _, fastText in
      rows.append(file.wordCount + Int(fastText % UInt32(file.buckets)))
    }
    return rows
  }

  /// For each of our buckets that a vocabulary word's character n-gram hashes to, the distinct
  /// fastText rows of those n-grams, in the order first met.
  static func bucketRows(
    vocabulary: Vocabulary, features: FeatureConfiguration, file: FastTextBinaryFile
  ) -> [(row: Int32, fastTextRows: [Int])] {
    let trained = file.minimumNgram...file.maximumNgram
    var order: [Int32] = []
    var rowsByBucket: [Int32: [Int]] = [:]
    for id in 0..<vocabulary.count {
      let word = Array(vocabulary.token(TokenID(Int32(id))).utf8)
      FastTextSubwords.forEachNgram(
        of: word, minimum: features.minCharNgram, maximum: features.maxCharNgram
      ) { length, ours, fastText in
        guard trained.contains(length) else { return }
        let row = Int32(vocabulary.count + Int(ours % UInt32(features.buckets)))
        let source = file.wordCount + Int(fastText % UInt32(file.buckets))
        if rowsByBucket[row] == nil { order.append(row) }
        if !(rowsByBucket[row, default: []].contains(source)) {
          rowsByBucket[row, default: []].append(source)
        }
      }
    }
    return order.map { ($0, rowsByBucket[$0] ?? []) }
  }

  /// Reads each fastText row once, in file order, and sets every target row to the mean of its
  /// sources.
  static func average(_ sources: [(row: Int32, fastTextRows: [Int])], file: FastTextBinaryFile)
    throws(PretrainedVectorsError) -> InitialVectors
  {
    let dimension = file.dimension
    let needed = Set(sources.flatMap(\.fastTextRows)).sorted()
    var slots: [Int: Int] = [:]
    slots.reserveCapacity(needed.count)
    var table = [Float](repeating: 0, count: needed.count * dimension)
    var row: [Float] = []
    for (slot, index) in needed.enumerated() {
      try file.readRow(index, into: &row)
      table.replaceSubrange((slot * dimension)..<((slot + 1) * dimension), with: row)
      slots[index] = slot
    }
    var vectors = InitialVectors(dimension: dimension)
    var sum = [Float](repeating: 0, count: dimension)
    for (target, rows) in sources {
      for column in 0..<dimension { sum[column] = 0 }
      for source in rows {
        let base = (slots[source] ?? 0) * dimension
        for column in 0..<dimension { sum[column] += table[base + column] }
      }
      let scale = 1 / Float(rows.count)
      vectors.set(sum.map { $0 * scale }, forRow: target)
    }
    return vectors
  }
}
