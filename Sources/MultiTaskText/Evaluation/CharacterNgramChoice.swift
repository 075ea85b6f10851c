/// How automatic character n-grams were chosen: the dev score of the model trained without
/// them, of the one trained with them, and which was kept.
///
/// A report carries it so that a reader sees why a model has (or lacks) subwords, and by how
/// much the dev data preferred them, instead of finding `minn`/`maxn` changed without a word.
public struct CharacterNgramChoice: Sendable, Equatable, Codable {
  /// The shortest character n-gram tried.
  public var minimum: Int
  /// The longest character n-gram tried.
  public var maximum: Int
  /// The dev score (the mean of each task's selection metric) without character n-grams.
  public var devScoreWithout: Double
  /// The dev score with them.
  public var devScoreWith: Double
  /// How much higher the score with them had to be: one standard error of the score without
  /// them, and at least half a point.
  public var margin: Double
  /// Whether the model kept character n-grams.
  public var chosen: Bool

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - minimum: The shortest n-gram tried.
  ///   - maximum: The longest n-gram tried.
  ///   - devScoreWithout: The dev score without character n-grams.
  ///   - devScoreWith: The dev score with them.
  ///   - margin: The gain they needed.
  ///   - chosen: Whether they were kept.
  public init(
    minimum: Int, maximum: Int, devScoreWithout: Double, devScoreWith: Double, margin: Double,
    chosen: Bool
  ) {
    self.minimum = minimum
    self.maximum = maximum
    self.devScoreWithout = devScoreWithout
    self.devScoreWith = devScoreWith
    self.margin = margin
    self.chosen = chosen
  }

  /// One line for the summary and the reports.
  public var description: String {
    let points = { (value: Double) in String(format: "%.2f", value * 100) }
    return "character \(minimum)–\(maximum)-grams "
      + (chosen ? "kept" : "left off") + ": dev score \(points(devScoreWith))% with them, "
      + "\(points(devScoreWithout))% without (needed +\(points(margin)) points)"
  }
}
