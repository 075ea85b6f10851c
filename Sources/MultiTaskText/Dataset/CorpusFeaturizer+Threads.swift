import Dispatch

extension CorpusFeaturizer {
  /// Every document's features, laid end to end, and where each document's end: the
  /// provisional tokens mapped to final ids and featurized.
  ///
  /// Documents are featurized independently, so `threads` contiguous ranges of documents are
  /// featurized side by side into buffers of their own, then joined in document order: the
  /// result is the same for any thread count.
  func featurize(
    _ documents: ProvisionalDocuments, threads: Int
  ) -> (features: [Int32], offsets: [Int]) {
    let tokens = documents.tokens
    let offsets = documents.tokenOffsets
    let count = documents.documentCount
    // Below a few thousand tokens a slice costs more to hand out than to featurize.
    let slices = ThreadCount.clamped(threads, toWork: min(tokens.count / 4096, count))
    let featurizeSlice: @Sendable (Range<Int>) -> (features: [Int32], ends: [Int]) = {
      [vocabulary, remap, featurizer] range in
      var features: [Int32] = []
      var ends: [Int] = []
      ends.reserveCapacity(range.count)
      features.reserveCapacity(
        (offsets[range.upperBound] - offsets[range.lowerBound])
          * featurizer.configuration.wordNgrams)
      var encoded = EncodedDocument()
      for document in range {
        vocabulary.encode(
          tokens[offsets[document]..<offsets[document + 1]], remap: remap, into: &encoded)
        featurizer.appendFeatures(of: encoded, to: &features)
        ends.append(features.count)
      }
      return (features, ends)
    }
    guard slices > 1 else {
      let (features, ends) = featurizeSlice(0..<count)
      return (features, [0] + ends)
    }
    let bounds = Self.sliceBounds(offsets: offsets, slices: slices)
    let results = SliceSlots<(features: [Int32], ends: [Int])>(count: slices)
    DispatchQueue.concurrentPerform(iterations: slices) { slice in
      results.store(featurizeSlice(bounds[slice]..<bounds[slice + 1]), at: slice)
    }
    var features: [Int32] = []
    features.reserveCapacity(results.values.reduce(0) { $0 + $1.features.count })
    var ends = [0]
    ends.reserveCapacity(count + 1)
    for part in results.values {
      let base = features.count
      features.append(contentsOf: part.features)
      ends.append(contentsOf: part.ends.lazy.map { $0 + base })
    }
    return (features, ends)
  }

  /// The first document of each slice, and the document count last: slices split the
  /// tokens evenly, since a document's cost follows its length.
  static func sliceBounds(offsets: [Int], slices: Int) -> [Int] {
    let documents = offsets.count - 1
    var bounds = [0]
    for slice in 1..<slices {
      let target = offsets[documents] * slice / slices
      var document = bounds[slice - 1]
      while document < documents && offsets[document] < target { document += 1 }
      bounds.append(document)
    }
    bounds.append(documents)
    return bounds
  }
}
