/// Why a model's text pipeline or featurizer could not be opened.
///
/// A model file records how its text is prepared; opening that recipe can fail when ICU cannot
/// load its data, or when a damaged or hand-made manifest holds feature settings that cannot
/// work. Neither concerns any one corpus file, so this error names none.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// ICU could not open the normalizer or the word break iterator.
  case textPipeline(TextError)
  /// The feature settings cannot work with this vocabulary.
  case features(FeatureConfigurationError)

  /// A one-line explanation for a terminal.
  public var description: String {
    switch self {
    case .textPipeline(let error): return "cannot open the text pipeline: \(error)"
    case .features(let error): return "invalid feature settings: \(error)"
    }
  }
}
