import Foundation
import Testing

@testable import MultiTaskText

/// Normalization tables. Every expected value was produced by running ICU 72 and checked by eye.
struct ICUNormalizerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let input: String
    let settings: TextNormalizer
    let expected: String
    var testDescription: String { "\(input.debugDescription) → \(expected.debugDescription)" }
  }

  static let defaults = TextNormalizer()
  static let nfcOnly = TextNormalizer(form: .nfc, caseFolding: false)
  static let nfcFolded = TextNormalizer(form: .nfc, caseFolding: true)
  static let untouched = TextNormalizer(form: .none, caseFolding: false)
  static let foldedOnly = TextNormalizer(form: .none, caseFolding: true)
  static let stripping = TextNormalizer(stripsLatinAccents: true)
  static let strippingRaw = TextNormalizer(
    form: .none, caseFolding: false, stripsLatinAccents: true)

  static let cases: [Case] = [
    // The issue's example: full-width forms, a ligature and case in one pass.
    Case(input: "Ｃａｆé ﬁne ＡＢＣ", settings: defaults, expected: "café fine abc"),
    // Ligatures and compatibility forms.
    Case(input: "ﬀ ﬃ ﬄ Ǆ ㎏ ½", settings: defaults, expected: "ff ffi ffl dž kg 1⁄2"),
    Case(input: "１２３ ｶﾀｶﾅ", settings: defaults, expected: "123 カタカナ"),
    // NFC alone keeps compatibility characters and case.
    Case(input: "Ｃａｆé ﬁne", settings: nfcOnly, expected: "Ｃａｆé ﬁne"),
    Case(input: "Ｃａｆé ﬁne", settings: nfcFolded, expected: "ｃａｆé fine"),
    // Combining marks compose: e + U+0301 becomes é under NFC and NFKC.
    Case(input: "e\u{301}", settings: nfcOnly, expected: "\u{e9}"),
    Case(input: "Cafe\u{301}", settings: defaults, expected: "caf\u{e9}"),
    // Turkish dotted capital I folds to i + combining dot above; dotless ı stays.
    Case(input: "İstanbul ıI", settings: defaults, expected: "i\u{307}stanbul ıi"),
    // German sharp s folds to ss; capital sharp s too.
    Case(input: "Straße STRASSE ẞ", settings: defaults, expected: "strasse strasse ss"),
    Case(input: "Straße", settings: nfcOnly, expected: "Straße"),
    // Greek final sigma folds like any sigma.
    Case(input: "ΣΟΦΟΣ ὈΔΥΣΣΕΎΣ", settings: defaults, expected: "σοφοσ ὀδυσσεύσ"),
    // Case folding without normalization.
    Case(input: "ÀB ﬁ", settings: foldedOnly, expected: "àb fi"),
    Case(input: "ÀB ﬁ", settings: untouched, expected: "ÀB ﬁ"),
    // Accent stripping removes Latin accents only.
    Case(
      input: "Crème Brûlée, Tiếng Việt", settings: stripping, expected: "creme brulee, tieng viet"),
    Case(input: "Cafe\u{301} e\u{300}", settings: strippingRaw, expected: "Cafe e"),
    // Thai vowels and tone marks, and Japanese voicing marks, survive accent stripping.
    Case(input: "คุณรัก", settings: stripping, expected: "คุณรัก"),
    Case(input: "プ", settings: stripping, expected: "プ"),
    Case(input: "\u{30D5}\u{309A}", settings: strippingRaw, expected: "\u{30D5}\u{309A}"),
    Case(input: "Ελληνικά Ünïcödé", settings: stripping, expected: "ελληνικά unicode"),
    // Empty and whitespace-only input.
    Case(input: "", settings: defaults, expected: ""),
    Case(input: " \t ", settings: defaults, expected: " \t "),
  ]

  @Test(arguments: cases)
  func normalizes(_ testCase: Case) throws {
    let normalizer = try ICUNormalizer(testCase.settings)
    #expect(try normalizer.normalize(testCase.input) == testCase.expected)
  }

  @Test func reusesOneNormalizerAcrossDocuments() throws {
    let normalizer = try ICUNormalizer()
    for _ in 0..<3 {
      #expect(try normalizer.normalize("ＡＢＣ") == "abc")
      #expect(try normalizer.normalize("plain") == "plain")
      #expect(try normalizer.normalize("") == "")
    }
  }

  struct InvalidCase: Sendable {
    let bytes: [UInt8]
    let repaired: String
    let invalidBytes: Int
    let firstOffset: Int
  }

  static let invalidCases: [InvalidCase] = [
    InvalidCase(
      bytes: [0x61, 0xFF, 0x62], repaired: "a\u{FFFD}b", invalidBytes: 1, firstOffset: 1),
    // A truncated three-byte sequence is one maximal subpart: one U+FFFD for two bytes.
    InvalidCase(bytes: [0x41, 0xE6, 0x97], repaired: "a\u{FFFD}", invalidBytes: 2, firstOffset: 1),
    // An overlong encoding: each byte is its own ill-formed subpart.
    InvalidCase(
      bytes: [0xC0, 0xAF, 0x42], repaired: "\u{FFFD}\u{FFFD}b", invalidBytes: 2, firstOffset: 0),
    // A lone surrogate encoded in UTF-8 (CESU) is invalid.
    InvalidCase(
      bytes: [0x78, 0xED, 0xA0, 0x80, 0x79], repaired: "x\u{FFFD}\u{FFFD}\u{FFFD}y",
      invalidBytes: 3, firstOffset: 1),
  ]

  @Test(arguments: invalidCases)
  func repairsInvalidUTF8AndCountsTheBytes(_ testCase: InvalidCase) throws {
    let normalizer = try ICUNormalizer()
    var output: [UInt8] = []
    var edits: [TextEdit] = []
    let invalid = try testCase.bytes.withUnsafeBytes { bytes in
      try normalizer.normalize(bytes, into: &output, edits: &edits)
    }
    #expect(String(decoding: output, as: UTF8.self) == testCase.repaired)
    #expect(invalid == testCase.invalidBytes)
  }

  @Test(arguments: invalidCases)
  func strictModeRejectsInvalidUTF8WithTheByteOffset(_ testCase: InvalidCase) throws {
    let normalizer = try ICUNormalizer(TextNormalizer(invalidUTF8: .reject))
    var output: [UInt8] = []
    var edits: [TextEdit] = []
    #expect(throws: TextError.invalidUTF8(offset: testCase.firstOffset)) {
      try testCase.bytes.withUnsafeBytes { bytes in
        try normalizer.normalize(bytes, into: &output, edits: &edits)
      }
    }
  }

  @Test func settingsRoundTripThroughJSONAndDefaultMissingKeys() throws {
    let settings = TextNormalizer(form: .nfc, caseFolding: false, stripsLatinAccents: true)
    let data = try JSONEncoder().encode(settings)
    #expect(try JSONDecoder().decode(TextNormalizer.self, from: data) == settings)
    let partial = try JSONDecoder().decode(TextNormalizer.self, from: Data(#"{"form":"nfc"}"#.utf8))
    #expect(partial == TextNormalizer(form: .nfc))
  }

  @Test func reportsTheICUVersion() {
    let parts = ICU.version.split(separator: ".")
    #expect(parts.count >= 2)
    #expect(Int(parts[0]) ?? 0 >= 60)
  }
}
