import Testing

@testable import MultiTaskText

/// Tokenization tables across scripts. Every expected value was produced by running ICU 72's
/// word break iterator through the pipeline and checked by eye.
struct TextPipelineTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let input: String
    let tokens: [String]
    var kinds: [TokenKind]? = nil
    var tokenizer = Tokenizer()
    var testDescription: String { input.debugDescription }
  }

  static let cases: [Case] = [
    // English: punctuation kept as its own tokens, contractions whole, case folded.
    Case(
      input: "Hello, World! It's 3:45pm.",
      tokens: ["hello", ",", "world", "!", "it's", "3", ":", "45pm", "."],
      kinds: [
        .word, .punctuation, .word, .punctuation, .word, .number, .punctuation, .word, .punctuation,
      ]),
    // The three dictionary-segmented examples.
    Case(
      input: "多任务学习可以提高模型的性能",
      tokens: ["多", "任务", "学习", "可以", "提高", "模型", "的", "性能"],
      kinds: Array(repeating: .ideographic, count: 8)),
    Case(
      input: "東京都に住んでいます",
      tokens: ["東京", "都", "に", "住", "んで", "い", "ます"],
      kinds: [.ideographic, .ideographic, .kana, .ideographic, .kana, .kana, .kana]),
    Case(
      input: "ภาษาไทยง่ายนิดเดียว",
      tokens: ["ภาษา", "ไทย", "ง่าย", "นิด", "เดียว"],
      kinds: Array(repeating: .word, count: 5)),
    Case(
      input: "カタカナ　ありがとう", tokens: ["カタカナ", "ありがとう"], kinds: [.kana, .kana]),
    // Korean and Arabic are split at spaces by the rules.
    Case(input: "안녕하세요 세계", tokens: ["안녕하세요", "세계"], kinds: [.word, .word]),
    Case(
      input: "مرحبا بالعالم!", tokens: ["مرحبا", "بالعالم", "!"],
      kinds: [.word, .word, .punctuation]),
    // Emoji are tokens. NFKC case folding removes default-ignorables such as ZERO WIDTH JOINER,
    // so a ZWJ family becomes its members; skin tones and flags stay whole.
    Case(
      input: "I love it 😀👍🏽 🇫🇷 👨‍👩‍👧",
      tokens: ["i", "love", "it", "😀", "👍🏽", "🇫🇷", "👨", "👩", "👧"],
      kinds: [.word, .word, .word, .emoji, .emoji, .emoji, .emoji, .emoji, .emoji]),
    Case(
      input: "Win £5 or $1,000!!!",
      tokens: ["win", "£", "5", "or", "$", "1,000", "!", "!", "!"],
      kinds: [
        .word, .symbol, .number, .word, .symbol, .number, .punctuation, .punctuation, .punctuation,
      ]),
    // Numbers keep their separators.
    Case(
      input: "1,234.56 and 3.14 and 10,000 and ３",
      tokens: ["1,234.56", "and", "3.14", "and", "10,000", "and", "3"],
      kinds: [.number, .word, .number, .word, .number, .word, .number]),
    // URLs and e-mail addresses stay whole, without the sentence's trailing punctuation.
    Case(
      input:
        "Visit http://x.co/win now (see https://en.wikipedia.org/wiki/Spam_(food)), www.Example.com/a?b=1.",
      tokens: [
        "visit", "http://x.co/win", "now", "(", "see", "https://en.wikipedia.org/wiki/spam_(food)",
        ")", ",", "www.example.com/a?b=1", ".",
      ],
      kinds: [
        .word, .url, .word, .punctuation, .word, .url, .punctuation, .punctuation, .url,
        .punctuation,
      ]),
    Case(
      input: "mail Bob.Smith@Example.co.uk. or x@y",
      tokens: ["mail", "bob.smith@example.co.uk", ".", "or", "x@y"],
      kinds: [.word, .email, .punctuation, .word, .word]),
    // Options: ICU's own pieces, placeholders, and dropping punctuation and symbols.
    Case(
      input: "visit http://x.co/win", tokens: ["visit", "http", ":", "/", "/", "x.co", "/", "win"],
      tokenizer: Tokenizer(urls: .split)),
    Case(
      input: "Win $1,000 at http://x.co/win, mail bob@ex.com!",
      tokens: ["win", "<num>", "at", "<url>", "mail", "<email>"],
      tokenizer: Tokenizer(
        dropsPunctuation: true, dropsSymbols: true, mapsNumbers: true, urls: .placeholder,
        emails: .placeholder)),
    Case(input: "ok 😀 !", tokens: ["ok", "😀"], tokenizer: Tokenizer(dropsPunctuation: true)),
    Case(input: "ok 😀 !", tokens: ["ok", "!"], tokenizer: Tokenizer(dropsSymbols: true)),
    // Nothing to tokenize.
    // ICU joins Latin and Hebrew letters into one word that overlaps two URLs (found by fuzzing).
    Case(
      input: "https://a.io/x\u{5D1}https://b.io",
      tokens: ["https://a.io/x", "\u{5D1}", "https://b.io"], kinds: [.url, .word, .url]),
    Case(input: "", tokens: []),
    Case(input: " \t \u{3000}\u{200B} ", tokens: []),
  ]

  @Test(arguments: cases)
  func tokenizes(_ testCase: Case) throws {
    let pipeline = try TextPipeline(tokenizer: testCase.tokenizer)
    let result = try pipeline.tokenize(testCase.input)
    #expect(result.texts == testCase.tokens)
    if let kinds = testCase.kinds {
      #expect(result.tokens.map(\.kind) == kinds)
    }
  }

  @Test(arguments: cases)
  func originalRangesCoverTheBytesEachTokenCameFrom(_ testCase: Case) throws {
    let pipeline = try TextPipeline(tokenizer: testCase.tokenizer)
    let result = try pipeline.tokenize(testCase.input)
    let original = Array(testCase.input.utf8)
    var previousEnd = 0
    for token in result.tokens {
      #expect(token.originalRange.lowerBound >= previousEnd)
      #expect(token.originalRange.upperBound <= original.count)
      previousEnd = token.originalRange.upperBound
      if token.isPlaceholder { continue }
      // Re-tokenizing the original slice alone must give back the same text.
      let slice = String(decoding: original[token.originalRange], as: UTF8.self)
      let again = try pipeline.tokenize(slice)
      #expect(again.texts.joined() == result.text(of: token), "\(slice)")
    }
  }

  @Test func originalRangesSpanNormalizationChanges() throws {
    let pipeline = try TextPipeline()
    let result = try pipeline.tokenize("Ｃａｆé ﬁne straße İstanbul")
    #expect(result.texts == ["café", "fine", "strasse", "i\u{307}stanbul"])
    #expect(result.tokens.map(\.originalRange) == [0..<11, 12..<17, 18..<25, 26..<35])
  }

  @Test func strippedAccentsStayInsideTheTokensOriginalRange() throws {
    let pipeline = try TextPipeline(normalizer: TextNormalizer(stripsLatinAccents: true))
    let input = "Cafe\u{301} ok"
    let result = try pipeline.tokenize(input)
    #expect(result.texts == ["cafe", "ok"])
    #expect(result.tokens.map(\.originalRange) == [0..<6, 7..<9])
  }

  @Test func invalidUTF8BecomesReplacementTokensWithOriginalOffsets() throws {
    let pipeline = try TextPipeline()
    var result = TokenizedText()
    let bytes: [UInt8] = [0xFF] + Array(" abc ".utf8) + [0xE6, 0x97] + Array(" def".utf8)
    try bytes.withUnsafeBytes { try pipeline.tokenize($0, into: &result) }
    #expect(result.texts == ["\u{FFFD}", "abc", "\u{FFFD}", "def"])
    #expect(result.tokens.map(\.originalRange) == [0..<1, 2..<5, 6..<8, 9..<12])
    #expect(result.invalidByteCount == 3)
  }

  @Test func strictPipelineRejectsInvalidUTF8() throws {
    let pipeline = try TextPipeline(normalizer: TextNormalizer(invalidUTF8: .reject))
    var result = TokenizedText()
    let bytes: [UInt8] = Array("ok ".utf8) + [0xC3]
    #expect(throws: TextError.invalidUTF8(offset: 3)) {
      try bytes.withUnsafeBytes { try pipeline.tokenize($0, into: &result) }
    }
  }

  @Test func tokenizesAVeryLongLine() throws {
    let pipeline = try TextPipeline()
    let words = 400_000
    let line = String(repeating: "Word ", count: words) + "東京都に住んでいます"
    let result = try pipeline.tokenize(line)
    #expect(result.tokens.count == words + 7)
    #expect(result.text(of: result.tokens[words - 1]) == "word")
    #expect(result.tokens[words].originalRange == (words * 5)..<(words * 5 + 6))
    #expect(result.text(of: result.tokens.last!) == "ます")
  }

  /// The input on which the tokenizer fuzzer found overlapping tokens: an ICU word that ran from
  /// inside one URL into the next.
  @Test func aWordSpanningTwoLinksGivesOrderedTokens() throws {
    let pipeline = try TextPipeline(
      normalizer: TextNormalizer(form: .none, caseFolding: true),
      tokenizer: Tokenizer(emails: .placeholder))
    let bytes: [UInt8] = [
      0xD9, 0x85, 0xD8, 0xB1, 0xD8, 0xD8, 0xAD, 0xA8, 0xD8, 0xB1, 0xD8, 0xAD, 0xA8, 0xD8, 0x5D,
      0x20, 0x68, 0x74, 0x74, 0x70, 0x73, 0x3A, 0x2F, 0x2F, 0x65, 0x78, 0x70, 0xD7, 0x91, 0xD7,
      0xA8, 0xD7, 0x99, 0xD7, 0xAA, 0xD8, 0xAD, 0x68, 0x74, 0x74, 0x70, 0x73, 0x3A, 0x2F, 0x2F,
      0x65, 0x88, 0x8F, 0xD7, 0x91, 0xD7, 0xA8, 0xD7, 0x99, 0xD7, 0xAA,
    ]
    var result = TokenizedText()
    try bytes.withUnsafeBytes { try pipeline.tokenize($0, into: &result) }
    var previous = Token(kind: .other, range: 0..<0, originalRange: 0..<0, isPlaceholder: false)
    for token in result.tokens {
      #expect(token.range.lowerBound >= previous.range.upperBound, "\(token) after \(previous)")
      #expect(token.originalRange.lowerBound >= previous.originalRange.lowerBound)
      previous = token
    }
    #expect(
      result.tokens.filter { $0.kind == .url }.map { result.text(of: $0) } == [
        "https://exp", "https://e",
      ])
  }

  @Test func reusingOneResultAcrossDocumentsGivesTheSameTokens() throws {
    let pipeline = try TextPipeline()
    var reused = TokenizedText()
    for testCase in Self.cases where testCase.tokenizer == Tokenizer() {
      var utf8 = Array(testCase.input.utf8)
      try utf8.withUnsafeMutableBytes {
        try pipeline.tokenize(UnsafeRawBufferPointer($0), into: &reused)
      }
      #expect(reused == (try pipeline.tokenize(testCase.input)))
    }
  }
}
