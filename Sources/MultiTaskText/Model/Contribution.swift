/// How much one token or one word n-gram moved an explained score, exactly.
///
/// A value of `+0.8` means that this unit's rows, averaged into the document vector, raised
/// the explained label's score by 0.8 over the reference (see ``Explainer``); the values of
/// all units of a document add up to the whole difference.
public struct Contribution: Sendable, Equatable {
  /// The token or word n-gram.
  public var source: FeatureSource
  /// Its text: the token as written in the input when the input was given, its normalized
  /// form otherwise; a word n-gram's tokens are joined by single spaces, as in `not bad`.
  public var text: String
  /// The amount it adds to the explained score difference; negative when it argues for the
  /// reference.
  public var value: Double
  /// The bytes of the input that produced it, from its first token's start to its last
  /// token's end, in the UTF-8 text given to the predictor.
  public var originalRange: Range<Int>
  /// How many of the document's features it holds: a known word's row, character n-grams, or
  /// one hashed word n-gram.
  public var featureCount: Int

  /// Creates a contribution.
  ///
  /// - Parameters:
  ///   - source: The token or word n-gram.
  ///   - text: Its text.
  ///   - value: What it adds to the explained score difference.
  ///   - originalRange: Its bytes in the input.
  ///   - featureCount: The number of features it holds.
  public init(
    source: FeatureSource, text: String, value: Double, originalRange: Range<Int>,
    featureCount: Int
  ) {
    self.source = source
    self.text = text
    self.value = value
    self.originalRange = originalRange
    self.featureCount = featureCount
  }
}
