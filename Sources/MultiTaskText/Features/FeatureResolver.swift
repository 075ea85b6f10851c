/// Every automatic feature decision, in one place: whether the pipeline tries character
/// n-grams, and which word n-gram length, subword range and document marker a corpus gets.
///
/// The settings a user writes may leave these choices open (``FeatureConfiguration/automaticWordNgrams``,
/// ``FeatureConfiguration/automaticCharacterNgrams``); the corpus decides them once, when the
/// training set is featurized, and the model file records the result, so prediction never
/// decides anything. Keeping the rules here means a new automatic choice changes one type,
/// and the pipeline, the dataset and the manifest cannot disagree.
public struct FeatureResolver: Sendable, Equatable {
  /// The settings as the user wrote them, with choices left open.
  public let requested: FeatureConfiguration

  /// Prepares the decisions for `requested`.
  ///
  /// - Parameter requested: The feature settings, automatic choices unmade.
  public init(_ requested: FeatureConfiguration) { self.requested = requested }

  /// Whether a second model, with automatic character n-grams, is worth training after the
  /// first, for dev data to choose between them.
  ///
  /// - Parameters:
  ///   - trainingTokens: The tokens of the training corpus; above
  ///     ``FeatureConfiguration/characterNgramTrialTokens`` a second training costs minutes
  ///     and subwords never won by a point.
  ///   - scoresOnDev: Whether there is dev data (a dev file, or the slice automatic epochs
  ///     hold out) to choose on.
  ///   - multiLabel: Whether a task is multi-label: on GoEmotions subwords scored the same on
  ///     dev (55.37 against 55.32) at twice the training time.
  /// - Returns: True when the choice is open and worth a second training.
  public func triesCharacterNgrams(
    trainingTokens: Int, scoresOnDev: Bool, multiLabel: Bool
  ) -> Bool {
    requested.automaticCharacterNgrams && scoresOnDev && !multiLabel
      && trainingTokens <= FeatureConfiguration.characterNgramTrialTokens
  }

  /// The settings a corpus is featurized with, nothing left automatic.
  ///
  /// - Parameters:
  ///   - averageTokens: The training corpus's tokens per document: automatic word n-grams
  ///     are bigrams below ``FeatureConfiguration/longDocumentTokens``, words alone above.
  ///   - multiLabel: Whether a task is multi-label, which turns the document marker on and
  ///     makes automatic word n-grams words alone: on GoEmotions, bigrams lost 3 points of
  ///     emotion macro-F1 (41.7 against 44.8).
  ///   - characterNgrams: The pipeline's choice for automatic character n-grams; without a
  ///     pipeline to choose on dev they stay off.
  /// - Returns: The resolved settings.
  public func resolved(
    averageTokens: Double, multiLabel: Bool, characterNgrams: Bool = false
  ) -> FeatureConfiguration {
    var resolved = Self.choosingCharacterNgrams(requested, characterNgrams)
    if requested.automaticWordNgrams {
      resolved.wordNgrams = averageTokens < FeatureConfiguration.longDocumentTokens ? 2 : 1
    }
    if multiLabel {
      resolved.documentMarker = true
      if requested.automaticWordNgrams { resolved.wordNgrams = 1 }
    }
    return resolved
  }

  /// `features` with automatic character n-grams off: what a model made without a corpus
  /// (a manifest written by hand) records, so its file never carries an open choice.
  ///
  /// - Parameter features: Settings that may leave character n-grams open.
  /// - Returns: Settings whose ``FeatureConfiguration/automaticCharacterNgrams`` is false.
  public static func fixed(_ features: FeatureConfiguration) -> FeatureConfiguration {
    choosingCharacterNgrams(features, false)
  }

  /// `features` with automatic character n-grams decided: the automatic range when `on`,
  /// none otherwise. Fixed settings are returned unchanged.
  static func choosingCharacterNgrams(
    _ features: FeatureConfiguration, _ on: Bool
  ) -> FeatureConfiguration {
    guard features.automaticCharacterNgrams else { return features }
    var chosen = features
    chosen.minCharNgram = on ? FeatureConfiguration.automaticCharacterNgramRange.minimum : 0
    chosen.maxCharNgram = on ? FeatureConfiguration.automaticCharacterNgramRange.maximum : 0
    return chosen
  }
}
