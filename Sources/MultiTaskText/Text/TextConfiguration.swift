/// How raw text is prepared before featurization: normalization, then tokenization.
///
/// Grouped under one `text` key so the configuration file mirrors the pipeline's first
/// stage, and so the model manifest records both halves together.
public struct TextConfiguration: Codable, Sendable, Equatable {
  /// The normalizer settings (`text.normalizer`).
  public var normalizer: TextNormalizer
  /// The tokenizer settings (`text.tokenizer`).
  public var tokenizer: Tokenizer

  /// Creates text settings; both halves default to their recommended settings.
  ///
  /// - Parameters:
  ///   - normalizer: How text is normalized.
  ///   - tokenizer: How normalized text is cut into tokens.
  public init(normalizer: TextNormalizer = TextNormalizer(), tokenizer: Tokenizer = Tokenizer()) {
    self.normalizer = normalizer
    self.tokenizer = tokenizer
  }
}
