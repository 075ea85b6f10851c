import MultiTaskText

extension FeatureConfiguration {
  /// The settings of the `features` section.
  ///
  /// The ranges are the ones ``validate()`` checks once every setting is read, so the core
  /// library stays the one place that knows them; its errors are restated under `features.`
  /// key paths.
  static let configurationTable = ConfigurationTable(
    summary: "How a document becomes hashed features. The model file records them, so"
      + " prediction rebuilds exactly the features used in training. `minn` must not exceed"
      + " `maxn`, and must be at least 1 when `maxn` is above 0. With `minn` and `maxn` both"
      + " `auto`, a training corpus of up to 2M tokens is trained twice, without character"
      + " n-grams and with 3–5, and the second is kept only if its dev score is higher by one"
      + " standard error; larger corpora go without. Setting either fixes both.",
    defaults: FeatureConfiguration(),
    settings: [
      wordNgramsSetting,
      .integer(
        "buckets", \.buckets, .checkedBySection("1–\(ModelLimits.maximumBuckets)"),
        summary: "Hash buckets shared by n-grams, after the vocabulary's rows; more mean fewer"
          + " collisions at 4 × `model.dimension` bytes each."),
      .integer(
        "minCount", \.minCount, .checkedBySection("≥ 1"),
        summary: "How often a word must occur in the training data to enter the vocabulary."),
      characterNgramSetting(
        "minn", \.minCharNgram,
        summary: "The shortest character n-gram, counting the `<` `>` word markers."),
      characterNgramSetting(
        "maxn", \.maxCharNgram, summary: "The longest character n-gram; 0 turns them off."),
      .integer(
        "maxVocabularySize", \.maxVocabularySize, .checkedBySection("≥ 1"), default: "no limit",
        summary: "The most words the vocabulary keeps, the most frequent first; dropped words"
          + " still reach the model through buckets."),
    ],
    check: { object, features throws(ConfigurationError) in
      do throws(FeatureConfigurationError) {
        try features.validate()
      } catch {
        throw configurationError(error, in: object)
      }
    })

  /// Restates a validation error with the full key path and a readable range.
  private static func configurationError(
    _ error: FeatureConfigurationError, in object: ConfigurationObject
  ) -> ConfigurationError {
    switch error {
    case .outOfRange(let key, let found, let expected):
      let bounds = expected.split(separator: "...", omittingEmptySubsequences: false)
      let readable =
        bounds.count == 2 && bounds.allSatisfy { Int($0) != nil }
        ? "between \(bounds[0]) and \(bounds[1])" : expected
      return .outOfRange(
        path: object.sourceName, key: object.path(key), expected: readable, found: String(found))
    case .emptyCharacterNgramRange(let minn, let maxn):
      return .emptyCharacterNgramRange(path: object.sourceName, minn: minn, maxn: maxn)
    case .tooManyFeatures:
      return .conflictingKeys(
        path: object.sourceName, key: object.path("buckets"), problem: error.description)
    }
  }

  /// `auto`, or the longest word n-gram; the range is checked with the rest of the section.
  private static let wordNgramsSetting = ConfigurationSetting<Self>(
    "wordNgrams", type: "`auto` or integer 1–16",
    shownDefault: {
      $0.automaticWordNgrams ? "`auto`" : ConfigurationReference.code($0.wordNgrams)
    },
    summary: "The longest run of consecutive words hashed as one feature; 1 means words only."
      + " `auto` takes bigrams, or words alone when the training documents average 200 tokens"
      + " or more."
  ) { object, key, features throws(ConfigurationError) in
    if case .string(let text) = object[key], text == "auto" {
      features.automaticWordNgrams = true
      return
    }
    if let value = try object.integer(key) { features.wordNgrams = value }
  }

  /// `auto`, or one end of the character n-gram range; setting either end fixes both.
  private static func characterNgramSetting(
    _ key: String, _ field: WritableKeyPath<Self, Int> & Sendable, summary: String
  ) -> ConfigurationSetting<Self> {
    ConfigurationSetting<Self>(
      key, type: "`auto` or integer ≥ 0",
      shownDefault: {
        $0.automaticCharacterNgrams ? "`auto`" : ConfigurationReference.code($0[keyPath: field])
      },
      summary: summary
    ) { object, key, features throws(ConfigurationError) in
      if case .string(let text) = object[key], text == "auto" {
        features.automaticCharacterNgrams = true
        return
      }
      if let value = try object.integer(key) { features[keyPath: field] = value }
    }
  }
}
