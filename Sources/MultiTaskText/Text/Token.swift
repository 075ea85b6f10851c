/// One token: its kind, where its text is in the normalized text, and where it came from in
/// the original bytes.
///
/// A token holds offsets rather than a `String`, so tokenizing allocates nothing per token.
/// Read its text through ``TokenizedText``.
public struct Token: Sendable, Equatable, Hashable {
  /// What the token is.
  public var kind: TokenKind
  /// Byte range of the token's text in ``TokenizedText/normalized``.
  public var range: Range<Int>
  /// Byte range in the original input that produced this token. Normalization can change
  /// lengths (`ﬁ` → `fi`, `ß` → `ss`), so this range may differ in size from ``range``.
  public var originalRange: Range<Int>
  /// Whether the token's text is a placeholder (`<num>`, `<url>`, `<email>`) rather than the
  /// normalized text in ``range``.
  public var isPlaceholder: Bool

  /// Creates a token.
  public init(kind: TokenKind, range: Range<Int>, originalRange: Range<Int>, isPlaceholder: Bool) {
    self.kind = kind
    self.range = range
    self.originalRange = originalRange
    self.isPlaceholder = isPlaceholder
  }

  /// The placeholder text used for a token of `kind` when placeholders are on.
  public static func placeholder(for kind: TokenKind) -> StaticString {
    switch kind {
    case .number: return "<num>"
    case .url: return "<url>"
    case .email: return "<email>"
    default: return "<unk>"
    }
  }
}
