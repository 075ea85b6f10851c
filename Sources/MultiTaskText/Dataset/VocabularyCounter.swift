/// Counts the words of the training documents as they are read, giving each a provisional
/// id, then cuts the vocabulary and maps provisional ids to final ones.
///
/// Documents keep provisional ids while reading, so the text is tokenized once and never
/// kept; the final ids, hashes and bytes are looked up here when the documents are
/// featurized.
struct VocabularyCounter: Sendable {
  private(set) var builder = VocabularyBuilder()

  /// Counts the tokens of a document tokenized beforehand and appends their provisional ids
  /// to `ids`.
  mutating func count(_ tokens: TokenizedDocument, into ids: inout [Int32]) {
    tokens.batch.forEachToken(ofDocument: tokens.index) { utf8, hash in
      ids.append(builder.add(utf8, hash: hash))
    }
  }

  /// Counts the tokens of `tokenized` and appends their provisional ids to `ids`.
  mutating func count(_ tokenized: TokenizedText, into ids: inout [Int32]) {
    for token in tokenized.tokens {
      let id = tokenized.withUTF8(of: token) { utf8 in
        builder.add(utf8, hash: FNV1a.hash(UnsafeRawBufferPointer(utf8)))
      }
      ids.append(id)
    }
  }

  /// The final vocabulary and each provisional id's final id (-1 for a word cut).
  ///
  /// - Parameters:
  ///   - features: The settings whose `minCount` and `maxVocabularySize` cut it.
  ///   - base: The vocabulary of the model training continues from, whose words keep ids.
  /// - Throws: ``TrainingError/emptyVocabulary(minCount:mostFrequent:)`` when no word is
  ///   kept: a model without a single word would answer the same for every text, which is a
  ///   configuration or data mistake, not a model.
  func finish(
    features: FeatureConfiguration, extending base: Vocabulary?
  ) throws(TrainingError) -> (vocabulary: Vocabulary, remap: [Int32]) {
    let (vocabulary, remap) =
      base.map {
        builder.build(
          minCount: features.minCount, maxSize: features.maxVocabularySize, extending: $0)
      }
      ?? builder.build(minCount: features.minCount, maxSize: features.maxVocabularySize)
    if vocabulary.count == 0 {
      throw .emptyVocabulary(
        minCount: features.minCount, mostFrequent: builder.counts.max() ?? 0)
    }
    return (vocabulary, remap)
  }

  /// Replaces `encoded` with provisional `tokens` under their final ids, hashes and bytes,
  /// as the featurizer reads them.
  func encode(
    _ tokens: some Collection<Int32>, remap: [Int32], into encoded: inout EncodedDocument
  ) {
    encoded.removeAll()
    for provisional in tokens {
      let final = remap[Int(provisional)]
      let id = final >= 0 ? TokenID(final) : TokenID.outOfVocabulary
      let hash = builder.hash(ofProvisional: provisional)
      builder.withUTF8(ofProvisional: provisional) {
        encoded.append(id, utf8: $0, hash: hash)
      }
    }
  }
}
