/// Featurizes the documents a ``TrainingSetBuilder`` read, once the vocabulary and label sets
/// are final: provisional token ids become final ids and then features, provisional label ids
/// become final ones.
///
/// A corpus whose features surely fit half the memory budget is featurized on every thread
/// at once (``inMemory(_:threads:)``); one that may not goes document by document into a
/// ``FeaturizedOutput``, which moves to the disk cache when the features pass half the
/// budget (``streaming(_:spill:into:)``). Both give the same features.
struct CorpusFeaturizer {
  /// The counted vocabulary, for each provisional id's hash and bytes.
  let vocabulary: VocabularyCounter
  /// Each provisional token id's final id, -1 for a word cut.
  let remap: [Int32]
  /// The featurizer of the final vocabulary.
  let featurizer: Featurizer
  /// Per task, each provisional label id's final id.
  let labelRemap: [[Int32]]

  /// What character n-grams add per token, at most, for deciding whether a corpus's
  /// features fit in memory before they are made: a 3–5-gram range over a word of average
  /// length gives about ten.
  static let characterNgramsPerToken = 12

  /// The most features a token makes, for sizing the corpus before featurizing it.
  var featuresPerToken: Int {
    featurizer.configuration.wordNgrams
      + (featurizer.configuration.usesCharacterNgrams ? Self.characterNgramsPerToken : 0)
  }

  /// The documents held in memory, featurized on up to `threads` threads into a set held in
  /// memory.
  func inMemory(_ documents: ProvisionalDocuments, threads: Int) -> TrainingSet {
    var set = TrainingSet(taskCount: documents.taskCount)
    set.multiLabel = documents.multiLabel
    set.tokenCount = documents.tokens.count
    for index in documents.labels.indices {
      let task = index % documents.taskCount
      let value = documents.labels[index]
      if value >= 0 && documents.multiLabel[task] {
        // Lists are renumbered in order and their values remapped, each list sorted.
        let list = Int(value)
        let range = documents.listOffsets[list]..<documents.listOffsets[list + 1]
        let remapped = range.map { labelRemap[task][Int(documents.listValues[$0])] }.sorted()
        set.labels.append(Int32(set.labelListOffsets.count - 1))
        set.labelListValues.append(contentsOf: remapped)
        set.labelListOffsets.append(set.labelListValues.count)
      } else {
        set.labels.append(value >= 0 ? labelRemap[task][Int(value)] : -1)
      }
    }
    (set.features, set.offsets) = featurize(documents, threads: threads)
    return set
  }

  /// The documents of `spill`, or else those of `documents`, featurized one at a time into
  /// `output`.
  ///
  /// - Throws: ``TrainingError/cache(directory:problem:)`` when a cache cannot be read or
  ///   written.
  func streaming(
    _ documents: ProvisionalDocuments, spill: DocumentSpill?, into output: inout FeaturizedOutput
  ) throws(TrainingError) -> TrainingSet {
    var encoded = EncodedDocument()
    if let spill {
      try spill.forEachDocument(multiLabel: documents.multiLabel) {
        (document) throws(TrainingError) in
        vocabulary.encode(document.ids, remap: remap, into: &encoded)
        try output.append(
          encoded, featurizer: featurizer, labels: document.labels, lists: document.listValues,
          labelRemap: labelRemap)
      }
    } else {
      var document = CachedDocument()
      for index in 0..<documents.documentCount {
        document.removeAll()
        documents.appendCachedLabels(ofDocument: index, to: &document)
        vocabulary.encode(documents.tokens(ofDocument: index), remap: remap, into: &encoded)
        try output.append(
          encoded, featurizer: featurizer, labels: document.labels, lists: document.listValues,
          labelRemap: labelRemap)
      }
    }
    return try output.finish()
  }
}
