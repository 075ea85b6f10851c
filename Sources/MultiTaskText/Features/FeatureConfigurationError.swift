/// A featurization setting that cannot be used, named by its configuration key.
public enum FeatureConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A value outside its allowed range, such as `buckets: 0`.
  case outOfRange(key: String, found: Int, expected: String)
  /// Character n-grams asked for with `minn` greater than `maxn`.
  case emptyCharacterNgramRange(minn: Int, maxn: Int)
  /// A vocabulary and bucket count whose feature ids would not fit in 32 bits.
  case tooManyFeatures(vocabularySize: Int, buckets: Int)

  /// A one-line explanation for a terminal.
  public var description: String {
    switch self {
    case .outOfRange(let key, let found, let expected):
      return "feature configuration: \(key) is \(found), expected \(expected)"
    case .emptyCharacterNgramRange(let minn, let maxn):
      return "feature configuration: minn (\(minn)) is greater than maxn (\(maxn));"
        + " set both to 0 to turn character n-grams off"
    case .tooManyFeatures(let vocabularySize, let buckets):
      return "feature configuration: \(vocabularySize) words + \(buckets) buckets exceed"
        + " the \(ModelLimits.maximumRows) rows a model holds; lower buckets or"
        + " maxVocabularySize"
    }
  }
}
