/// A document's features grouped by what produced them: one group per token (its word row and
/// character n-grams), then one group per word n-gram.
///
/// The groups are filled by the featurizer's own per-token and per-start functions, the ones
/// ``Featurizer/appendFeatures(of:to:)`` runs, and in the same order, so the concatenated
/// groups are exactly the document's feature list: nothing is hashed twice in two ways. That
/// is what lets an explanation say which token or n-gram each row of the average came from,
/// which the hashed rows alone cannot (they have no inverse).
struct FeatureGroups: Equatable {
  /// Each group's source, tokens in text order, then n-grams by start and length.
  private(set) var sources: [FeatureSource] = []
  /// Every feature, group after group: the document's feature list.
  private(set) var features: [Int32] = []
  /// Where each group ends in ``features``; group `i` spans `ends[i - 1]..<ends[i]`.
  private(set) var ends: [Int] = []

  /// Groups the features of `document` as `featurizer` produces them.
  init(_ document: EncodedDocument, featurizer: Featurizer) {
    for index in 0..<document.count {
      featurizer.appendFeatures(ofToken: index, in: document, to: &features)
      close(.token(index: index))
    }
    var ngram: [Int32] = []
    for start in 0..<document.count {
      ngram.removeAll(keepingCapacity: true)
      featurizer.appendWordNgrams(startingAt: start, of: document.tokenHashes, to: &ngram)
      // The k-th feature from one start covers k + 2 tokens.
      for (offset, feature) in ngram.enumerated() {
        features.append(feature)
        close(.wordNgram(first: start, count: offset + 2))
      }
    }
    if featurizer.configuration.documentMarker && !features.isEmpty {
      features.append(featurizer.markerRow)
      close(.documentMarker)
    }
  }

  /// The number of groups.
  var count: Int { sources.count }

  /// The features of group `index`.
  func features(ofGroup index: Int) -> ArraySlice<Int32> {
    features[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
  }

  private mutating func close(_ source: FeatureSource) {
    sources.append(source)
    ends.append(features.count)
  }
}
