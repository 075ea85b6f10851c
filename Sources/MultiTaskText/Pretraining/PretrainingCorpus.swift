/// Unlabelled text, tokenized as training tokenizes it, with the vocabulary pretraining learns
/// rows for.
///
/// Words are ordered by count, descending, then by their bytes, so the same text always gives
/// the same rows. A word rarer than `minCount` has no row and is left out of the token stream,
/// as fastText leaves it; its character n-grams are still learnt through the words that share
/// them.
public struct PretrainingCorpus: Sendable {
  /// The words with rows, in row order.
  public let words: [String]
  /// Each word's occurrences.
  public let counts: [Int]
  /// Every document's word rows, back to back.
  let tokens: [Int32]
  /// Where each document starts in ``tokens``, and one more entry at the end.
  let documentStarts: [Int]
  /// Every token read, rare words included.
  public let tokenCount: Int

  /// The number of documents read.
  public var documentCount: Int { documentStarts.count - 1 }
  /// The number of tokens that train (those of words with rows).
  public var trainingTokenCount: Int { tokens.count }
}

/// Builds a ``PretrainingCorpus`` one document at a time, so the text itself is never held.
public struct PretrainingCorpusBuilder {
  private let pipeline: TextPipeline
  private var identifiers: [String: Int32] = [:]
  private var strings: [String] = []
  private var counts: [Int] = []
  private var tokens: [Int32] = []
  private var documentStarts: [Int] = [0]
  private var tokenized = TokenizedText()

  /// Starts an empty corpus tokenized by `pipeline`, which must be the text settings of the
  /// models that will load the vectors.
  ///
  /// - Parameter pipeline: The normalizer and tokenizer.
  public init(pipeline: TextPipeline) { self.pipeline = pipeline }

  /// Tokenizes one document and adds it.
  ///
  /// - Parameter document: The document's text.
  /// - Throws: ``PretrainingError/tokenization(document:problem:)``.
  public mutating func add(_ document: String) throws(PretrainingError) {
    var document = document
    var scratch = TokenizedText()
    swap(&scratch, &tokenized)
    defer { swap(&scratch, &tokenized) }
    let pipeline = self.pipeline
    do {
      try document.withUTF8Bytes { (bytes) throws(TextError) in
        try pipeline.tokenize(bytes, into: &scratch)
      }
    } catch {
      throw .tokenization(document: documentStarts.count, problem: error.description)
    }
    for token in scratch.tokens {
      let text = scratch.text(of: token)
      if let id = identifiers[text] {
        counts[Int(id)] += 1
        tokens.append(id)
      } else {
        let id = Int32(strings.count)
        identifiers[text] = id
        strings.append(text)
        counts.append(1)
        tokens.append(id)
      }
    }
    documentStarts.append(tokens.count)
  }

  /// The corpus, keeping the words seen at least `minCount` times.
  ///
  /// - Parameter minCount: The fewest occurrences of a word with a row.
  /// - Throws: ``PretrainingError/emptyVocabulary(minCount:tokens:)`` when none is.
  public func finish(minCount: Int) throws(PretrainingError) -> PretrainingCorpus {
    let kept = strings.indices.filter { counts[$0] >= minCount }.sorted {
      counts[$0] != counts[$1]
        ? counts[$0] > counts[$1]
        : Array(strings[$0].utf8).lexicographicallyPrecedes(strings[$1].utf8)
    }
    guard !kept.isEmpty else { throw .emptyVocabulary(minCount: minCount, tokens: tokens.count) }
    var row = [Int32](repeating: -1, count: strings.count)
    for (index, id) in kept.enumerated() { row[id] = Int32(index) }
    var encoded: [Int32] = []
    encoded.reserveCapacity(tokens.count)
    var starts = [0]
    starts.reserveCapacity(documentStarts.count)
    for document in 0..<(documentStarts.count - 1) {
      for index in documentStarts[document]..<documentStarts[document + 1] {
        let target = row[Int(tokens[index])]
        if target >= 0 { encoded.append(target) }
      }
      starts.append(encoded.count)
    }
    return PretrainingCorpus(
      words: kept.map { strings[$0] }, counts: kept.map { counts[$0] }, tokens: encoded,
      documentStarts: starts, tokenCount: tokens.count)
  }
}
