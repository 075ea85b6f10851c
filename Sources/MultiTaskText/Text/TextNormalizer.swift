/// How raw text is normalized before it is segmented: the settings, not the engine.
///
/// These settings are `Codable` so that a model file records exactly how its text was
/// prepared, and prediction prepares new text the same way. ``ICUNormalizer`` applies them.
///
/// The defaults, NFKC followed by Unicode case folding, fold the differences that rarely carry
/// meaning for classification: full-width forms, ligatures, compatibility characters and case
/// (`Ｃａｆé ﬁne ＡＢＣ` → `café fine abc`). ICU does both in one pass.
public struct TextNormalizer: Codable, Sendable, Equatable, Hashable {
  /// A Unicode normalization form.
  public enum Form: String, Codable, Sendable, CaseIterable {
    /// Leave the text as it is.
    case none
    /// Canonical composition: only differences no reader can see.
    case nfc
    /// Compatibility composition: also folds full-width forms, ligatures and superscripts.
    case nfkc
  }

  /// What to do with bytes that are not valid UTF-8.
  public enum InvalidUTF8Policy: String, Codable, Sendable, CaseIterable {
    /// Replace each invalid sequence with U+FFFD and count the bytes.
    case replace
    /// Fail with ``TextError/invalidUTF8(offset:)``.
    case reject
  }

  /// The normalization form. Default: NFKC.
  public var form: Form
  /// Whether to apply Unicode full case folding (`ß` → `ss`, `Σ` → `σ`). Default: on.
  public var caseFolding: Bool
  /// Whether to remove accents from Latin letters (`é` → `e`). Default: off.
  ///
  /// Only Latin script is touched: the combining marks of Thai vowels or Japanese voicing are
  /// part of the letter, and removing them turns `คุณรัก` into `คณรก` and `プ` into `フ`.
  public var stripsLatinAccents: Bool
  /// What to do with invalid UTF-8. Default: ``InvalidUTF8Policy/replace``.
  public var invalidUTF8: InvalidUTF8Policy

  /// Creates normalizer settings; every argument has the recommended default.
  public init(
    form: Form = .nfkc,
    caseFolding: Bool = true,
    stripsLatinAccents: Bool = false,
    invalidUTF8: InvalidUTF8Policy = .replace
  ) {
    self.form = form
    self.caseFolding = caseFolding
    self.stripsLatinAccents = stripsLatinAccents
    self.invalidUTF8 = invalidUTF8
  }

  private enum CodingKeys: String, CodingKey {
    case form, caseFolding, stripsLatinAccents, invalidUTF8
  }

  /// Decodes settings, taking the default for every key that is absent.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = TextNormalizer()
    form = try container.decodeIfPresent(Form.self, forKey: .form) ?? defaults.form
    caseFolding =
      try container.decodeIfPresent(Bool.self, forKey: .caseFolding) ?? defaults.caseFolding
    stripsLatinAccents =
      try container.decodeIfPresent(Bool.self, forKey: .stripsLatinAccents)
      ?? defaults.stripsLatinAccents
    invalidUTF8 =
      try container.decodeIfPresent(InvalidUTF8Policy.self, forKey: .invalidUTF8)
      ?? defaults.invalidUTF8
  }
}
