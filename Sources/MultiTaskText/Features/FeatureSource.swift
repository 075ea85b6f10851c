/// What produced some of a document's features: one token, or one word n-gram.
///
/// Every feature of a document has exactly one source (see ``Featurizer``): a token's word row
/// and its character n-grams belong to the token, and each hashed word n-gram to the tokens it
/// spans. Explanations report contributions by source.
public enum FeatureSource: Sendable, Hashable {
  /// Token `index`, counted from 0 in text order: its word row when it is in the vocabulary,
  /// and its character n-grams when they are turned on.
  case token(index: Int)
  /// The word n-gram of `count` consecutive tokens starting at token `first`.
  case wordNgram(first: Int, count: Int)
  /// The document marker every document has (``FeatureConfiguration/documentMarker``): what
  /// a label gets whatever the words, its bias.
  case documentMarker

  /// The tokens the source spans, in text order.
  public var tokenIndices: Range<Int> {
    switch self {
    case .token(let index): return index..<(index + 1)
    case .wordNgram(let first, let count): return first..<(first + count)
    case .documentMarker: return 0..<0
    }
  }
}
