import MultiTaskText

extension TextConfiguration {
  /// The settings of the `text` section: its two halves.
  static let configurationTable = ConfigurationTable(
    summary: "How raw text is prepared before featurization: normalized, then cut into"
      + " tokens. The model file records both, so prediction prepares text the same way.",
    defaults: TextConfiguration(),
    settings: [
      .section(
        "normalizer", \.normalizer, table: TextNormalizer.configurationTable,
        summary: "Unicode normalization and case folding."),
      .section(
        "tokenizer", \.tokenizer, table: Tokenizer.configurationTable,
        summary: "How normalized text is cut into tokens."),
    ])
}

extension TextNormalizer {
  /// The settings of the `text.normalizer` section.
  static let configurationTable = ConfigurationTable(
    summary: "Unicode normalization, applied to every document before it is tokenized.",
    defaults: TextNormalizer(),
    settings: [
      .choice("form", \.form, summary: "The Unicode normalization form; `none` leaves text as is."),
      .bool(
        "caseFolding", \.caseFolding,
        summary: "Apply Unicode full case folding (`ß` → `ss`, `Σ` → `σ`)."),
      .bool(
        "stripsLatinAccents", \.stripsLatinAccents,
        summary: "Remove accents from Latin letters (`é` → `e`); other scripts keep their marks."),
      .choice(
        "invalidUTF8", \.invalidUTF8,
        summary: "Replace invalid UTF-8 with U+FFFD, or reject the document."),
    ])
}

extension Tokenizer {
  /// The settings of the `text.tokenizer` section.
  static let configurationTable = ConfigurationTable(
    summary: "How normalized text is cut into tokens, with ICU's word boundaries. By default"
      + " punctuation, symbols and emoji stay tokens, since they carry signal for spam and"
      + " sentiment.",
    defaults: Tokenizer(),
    settings: [
      .bool("dropsPunctuation", \.dropsPunctuation, summary: "Drop punctuation tokens."),
      .bool(
        "dropsSymbols", \.dropsSymbols, summary: "Drop symbol, emoji and other non-word tokens."),
      .bool("mapsNumbers", \.mapsNumbers, summary: "Replace every number by the token `<num>`."),
      .choice(
        "urls", \.urls,
        summary: "URLs: split by ICU's word rules, kept as one token, or replaced by `<url>`."),
      .choice(
        "emails", \.emails,
        summary: "E-mail addresses: split, kept as one token, or replaced by `<email>`."),
      .string(
        "locale", \.locale, default: "root locale",
        summary: "The ICU locale of the word break rules; the root locale already segments"
          + " Chinese, Japanese, Thai, Lao, Khmer and Burmese."),
    ])
}
