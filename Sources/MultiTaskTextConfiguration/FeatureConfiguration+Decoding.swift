import MultiTaskText

extension FeatureConfiguration {
  /// The keys allowed in the `features` section.
  static let keys = ["wordNgrams", "buckets", "minCount", "minn", "maxn", "maxVocabularySize"]

  /// Decodes the `features` section and validates it with ``validate()``, reporting its
  /// errors under `features.` key paths.
  init(decoding object: ConfigurationObject) throws(ConfigurationError) {
    try object.checkKeys(Self.keys)
    self.init()
    if let value = try object.integer("wordNgrams") { wordNgrams = value }
    if let value = try object.integer("buckets") { buckets = value }
    if let value = try object.integer("minCount") { minCount = value }
    if let value = try object.integer("minn") { minCharNgram = value }
    if let value = try object.integer("maxn") { maxCharNgram = value }
    maxVocabularySize = try object.integer("maxVocabularySize")
    do {
      try validate()
    } catch {
      throw Self.configurationError(error, in: object)
    }
  }

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
}
