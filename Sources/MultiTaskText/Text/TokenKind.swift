/// What a token is, as told by ICU's word break rules and Unicode properties.
///
/// Kinds let later stages treat tokens differently: spam filters want `url` and `emoji`, topic
/// models may drop `punctuation`, and `ideographic` text has no spaces to split on.
public enum TokenKind: String, Codable, Sendable, CaseIterable {
  /// Letters: a word in an alphabetic script, Hangul, Thai, Lao, Khmer or Burmese.
  case word
  /// Digits, with their separators (`1,234.5`).
  case number
  /// Hiragana or katakana.
  case kana
  /// Han ideographs (Chinese, and kanji in Japanese).
  case ideographic
  /// Punctuation (`!`, `,`, `「`).
  case punctuation
  /// Symbols (`$`, `£`, `+`).
  case symbol
  /// Emoji, including ZWJ sequences and flags.
  case emoji
  /// Any other visible segment, such as a lone combining mark.
  case other
  /// A web address kept whole (`http://x.co/win`, `www.example.com`).
  case url
  /// An e-mail address kept whole.
  case email
}
