/// One line of an explanation as a reader wants it: a token or word n-gram with every place
/// it occurs, and the sum of what its occurrences contribute.
///
/// ``Explanation/contributions`` has one entry per occurrence, so "no … no" lists "no" twice
/// with the same value and no way to tell the two apart. Merged, the text appears once with
/// both byte ranges, and its value is the whole share of the score its occurrences carry.
public struct MergedContribution: Sendable, Equatable {
  /// The token or n-gram as written (see ``Contribution/text``).
  public var text: String
  /// Whether it is a word n-gram rather than one token; an n-gram and a token with the same
  /// text are different features, so they are never merged.
  public var isWordNgram: Bool
  /// The sum of the occurrences' contributions.
  public var value: Double
  /// Each occurrence's byte range in the UTF-8 text given to the predictor, in text order;
  /// empty for the document marker (``FeatureSource/documentMarker``), which no text
  /// produced.
  public var ranges: [Range<Int>]

  /// Creates a merged contribution.
  ///
  /// - Parameters:
  ///   - text: The text as written.
  ///   - isWordNgram: Whether it is a word n-gram.
  ///   - value: The summed contribution.
  ///   - ranges: The occurrences' byte ranges, in text order.
  public init(text: String, isWordNgram: Bool, value: Double, ranges: [Range<Int>]) {
    self.text = text
    self.isWordNgram = isWordNgram
    self.value = value
    self.ranges = ranges
  }
}

extension Explanation {
  /// The `k` texts that push hardest toward the explained label, each occurrence of a text
  /// merged into one entry: what a prediction line reports.
  ///
  /// Ranking happens after merging, so a word that occurs three times ranks by its whole
  /// weight. Ties keep the order of first occurrence, which keeps lines deterministic.
  ///
  /// - Parameter k: How many to keep; fewer when the document has fewer distinct texts.
  /// - Returns: The merged contributions, largest value first.
  public func mergedTop(_ k: Int) -> [MergedContribution] {
    guard k > 0 else { return [] }
    var merged: [MergedContribution] = []
    var position: [String: Int] = [:]
    var firstStart: [Int] = []
    for contribution in contributions {
      let isNgram: Bool
      if case .wordNgram = contribution.source { isNgram = true } else { isNgram = false }
      let isMarker = contribution.source == .documentMarker
      let key = (isMarker ? "m\u{0}" : isNgram ? "n\u{0}" : "t\u{0}") + contribution.text
      let ranges = isMarker ? [] : [contribution.originalRange]
      if let index = position[key] {
        merged[index].value += contribution.value
        merged[index].ranges += ranges
        firstStart[index] = min(firstStart[index], contribution.originalRange.lowerBound)
      } else {
        position[key] = merged.count
        firstStart.append(contribution.originalRange.lowerBound)
        merged.append(
          MergedContribution(
            text: contribution.text, isWordNgram: isNgram, value: contribution.value,
            ranges: ranges))
      }
    }
    let order = merged.indices.sorted { left, right in
      if merged[left].value != merged[right].value {
        return merged[left].value > merged[right].value
      }
      if firstStart[left] != firstStart[right] { return firstStart[left] < firstStart[right] }
      return !merged[left].isWordNgram && merged[right].isWordNgram
    }
    return order.prefix(k).map { index in
      var entry = merged[index]
      entry.ranges.sort { $0.lowerBound < $1.lowerBound }
      return entry
    }
  }
}
