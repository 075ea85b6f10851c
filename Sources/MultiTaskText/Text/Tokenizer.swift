/// How normalized text is cut into tokens: the settings, not the engine.
///
/// `Codable`, like ``TextNormalizer``, so a model file carries them. ``ICUWordTokenizer``
/// applies them. The defaults keep punctuation, symbols and emoji as tokens of their own,
/// because `!`, `$`, `£` and 😀 carry signal for spam and sentiment.
public struct Tokenizer: Codable, Sendable, Equatable, Hashable {
  /// What to do with URLs or e-mail addresses, which ICU would split into pieces.
  public enum LinkHandling: String, Codable, Sendable, CaseIterable {
    /// Leave them to ICU's word rules (`http`, `:`, `/`, `/`, `x.co`, …).
    case split
    /// Keep each address as one token.
    case keep
    /// Keep each address as one token whose text is a placeholder (`<url>`, `<email>`).
    case placeholder
  }

  /// Drop punctuation tokens. Default: off.
  public var dropsPunctuation: Bool
  /// Drop symbol, emoji and other non-word tokens. Default: off.
  public var dropsSymbols: Bool
  /// Replace every number by the placeholder `<num>`. Default: off.
  public var mapsNumbers: Bool
  /// How URLs are tokenized. Default: ``LinkHandling/keep``.
  public var urls: LinkHandling
  /// How e-mail addresses are tokenized. Default: ``LinkHandling/keep``.
  public var emails: LinkHandling
  /// The ICU locale of the word break rules. Default: the root locale, whose dictionaries
  /// already segment Chinese, Japanese, Thai, Lao, Khmer and Burmese.
  public var locale: String

  /// Creates tokenizer settings; every argument has the recommended default.
  public init(
    dropsPunctuation: Bool = false,
    dropsSymbols: Bool = false,
    mapsNumbers: Bool = false,
    urls: LinkHandling = .keep,
    emails: LinkHandling = .keep,
    locale: String = ""
  ) {
    self.dropsPunctuation = dropsPunctuation
    self.dropsSymbols = dropsSymbols
    self.mapsNumbers = mapsNumbers
    self.urls = urls
    self.emails = emails
    self.locale = locale
  }

  private enum CodingKeys: String, CodingKey {
    case dropsPunctuation, dropsSymbols, mapsNumbers, urls, emails, locale
  }

  /// Decodes settings, taking the default for every key that is absent.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = Tokenizer()
    dropsPunctuation =
      try container.decodeIfPresent(Bool.self, forKey: .dropsPunctuation)
      ?? defaults.dropsPunctuation
    dropsSymbols =
      try container.decodeIfPresent(Bool.self, forKey: .dropsSymbols) ?? defaults.dropsSymbols
    mapsNumbers =
      try container.decodeIfPresent(Bool.self, forKey: .mapsNumbers) ?? defaults.mapsNumbers
    urls = try container.decodeIfPresent(LinkHandling.self, forKey: .urls) ?? defaults.urls
    emails = try container.decodeIfPresent(LinkHandling.self, forKey: .emails) ?? defaults.emails
    locale = try container.decodeIfPresent(String.self, forKey: .locale) ?? defaults.locale
  }

  /// Whether a token of `kind` survives the drop options.
  @inlinable
  public func keeps(_ kind: TokenKind) -> Bool {
    switch kind {
    case .punctuation: return !dropsPunctuation
    case .symbol, .emoji, .other: return !dropsSymbols
    default: return true
    }
  }
}
