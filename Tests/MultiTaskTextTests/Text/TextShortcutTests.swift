import Foundation
import Testing

@testable import MultiTaskText

/// The shortcuts in the text pipeline (ASCII runs past ICU's normalizer, table lookups in the
/// segmenter, the in-order offset cursor) must change nothing: every test here compares a
/// pipeline with them against the same pipeline with them off, the original slow path.
struct TextShortcutTests {
  /// Settings that cover each shortcut: the default (NFKC_Casefold, the ASCII table lowercases),
  /// NFKC and NFC without folding (the table is the identity), folding as a separate step and
  /// accent stripping (no ASCII shortcut: only the segmenter's and the cursor's apply).
  static let settings: [(TextNormalizer, Tokenizer)] = [
    (TextNormalizer(), Tokenizer()),
    (TextNormalizer(caseFolding: false), Tokenizer(urls: .placeholder, emails: .placeholder)),
    (TextNormalizer(form: .nfc, caseFolding: false), Tokenizer(urls: .split, emails: .split)),
    (TextNormalizer(form: .nfc), Tokenizer(dropsPunctuation: true, mapsNumbers: true)),
    (TextNormalizer(stripsLatinAccents: true), Tokenizer(locale: "th")),
  ]

  /// Tokenizes `document` with and without shortcuts and records any difference.
  static func expectSameTokens(
    _ document: [UInt8], fast: TextPipeline, slow: TextPipeline, name: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    var quick = TokenizedText()
    var reference = TokenizedText()
    let fastOutcome = document.withUnsafeBytes { bytes in
      Result { () throws(TextError) in try fast.tokenize(bytes, into: &quick) }
    }
    let slowOutcome = document.withUnsafeBytes { bytes in
      Result { () throws(TextError) in try slow.tokenize(bytes, into: &reference) }
    }
    switch (fastOutcome, slowOutcome) {
    case (.success, .success):
      guard quick == reference else {
        Issue.record(
          "shortcuts changed \(name()): \(quick.texts) \(quick.tokens) versus \(reference.texts) \(reference.tokens)",
          sourceLocation: sourceLocation)
        return false
      }
    case (.failure(let quickError), .failure(let referenceError)):
      guard quickError == referenceError else {
        Issue.record(
          "shortcuts changed the error for \(name()): \(quickError) versus \(referenceError)",
          sourceLocation: sourceLocation)
        return false
      }
    default:
      Issue.record(
        "shortcuts changed success for \(name()): \(fastOutcome) versus \(slowOutcome)",
        sourceLocation: sourceLocation)
      return false
    }
    return true
  }

  static func pipelines(_ index: Int) throws -> (fast: TextPipeline, slow: TextPipeline) {
    let (normalizer, tokenizer) = settings[index]
    return (
      try TextPipeline(normalizer: normalizer, tokenizer: tokenizer, shortcuts: true),
      try TextPipeline(normalizer: normalizer, tokenizer: tokenizer, shortcuts: false)
    )
  }

  static let tricky: [String] = [
    "Hello WORLD", "", " ", "\u{1}\u{7F}\t\r", "e\u{301}", "E\u{301}\u{323}", "CAFE\u{301} ﬁne",
    "ＡＢＣ abc", "ẞ ß İ Σ ǅ", "x\u{200B}y\u{AD}z", "Ｃａｆé ﬁne ＡＢＣ",
    "Visit HTTPS://Example.COM/Path?Q=1, or mail John.Smith@Example.ORG.",
    "多任务学习可以提高模型的性能 2024 AND MORE ASCII TEXT THAN SIXTEEN BYTES 再见",
    "中文 12 中文 ABCDEFGHIJKLMNOPQRSTUVWXYZ 中文 A\u{301}",
    "ภาษาไทย Thai ABCDEFGHIJKLMNOPQRSTU คุณรัก", "😀👍🏽 🇫🇷 family 👨‍👩‍👧 END",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u{301}",
    "ｈｔｔｐ://ｘ.ｃｏ ｗｗｗ.Ｘ.ｃｏｍ a@b.co", "Ǆemal Ⅻ ㎏ ½ ²³ ﬀ ﬃ",
    // Mostly non-ASCII, normalized or not: fullwidth forms, compatibility ideographs, marks
    // after ideographs, Hangul that composes.
    "中文，ＡＢＣ：新闻（２０２４）“标题”", "已经规范化的中文标题 2024 年", "中\u{301}文 a\u{301} 丽\u{F900}\u{2F800}",
    "가\u{11A8} 한국어 ﾊﾝｶｸ ㌀ 〜～", "，，中\u{3099}か\u{3099} ｶﾞ \u{301}",
  ]

  @Test(arguments: 0..<settings.count)
  func trickyTextsTokenizeAlikeWithAndWithoutShortcuts(_ index: Int) throws {
    let (fast, slow) = try Self.pipelines(index)
    for text in Self.tricky {
      _ = Self.expectSameTokens(
        Array(text.utf8), fast: fast, slow: slow, name: text.debugDescription)
    }
    // Every ASCII byte alone, after a letter, and before a combining mark.
    for byte in UInt8(0)..<0x80 {
      for document in [
        [byte], [UInt8(ascii: "A"), byte], [byte, 0xCC, 0x81], [0xE4, 0xB8, 0xAD, byte],
      ] {
        _ = Self.expectSameTokens(document, fast: fast, slow: slow, name: "\(document)")
      }
    }
    // Invalid UTF-8 takes the repairing path in both.
    _ = Self.expectSameTokens(
      [0x41, 0xFF, 0x42, 0xC3, 0x28, 0xE4, 0xB8], fast: fast, slow: slow, name: "invalid UTF-8")
  }

  /// Random mixtures of the pieces where shortcuts meet ICU: runs of ASCII of every length,
  /// combining marks, compatibility characters, CJK, emoji, invisible characters and links.
  @Test(arguments: 0..<settings.count)
  func randomMixturesTokenizeAlikeWithAndWithoutShortcuts(_ index: Int) throws {
    let (fast, slow) = try Self.pipelines(index)
    let pieces: [[UInt8]] = [
      "a", "B", "Z", " ", "\t", "\u{1}", ".", ",", "e", "E", "\u{301}", "\u{323}", "Ａ", "ﬁ", "ß",
      "中", "文", "あ", "\u{200B}", "😀", "\u{200D}", "\u{AD}", "1", "9", "٣", "ก", "ุ", "가",
      "\u{1100}", "\u{1161}", "http://", "www.", "@", "x.com", "Σ", "Å", "\u{345}", "İ",
      "ABCDEFGHIJKLMNOPQ", "the quick brown fox ",
    ].map { Array($0.utf8) }
    var random = SplitMix64(seed: 15, stream: UInt64(index))
    var failures = 0
    for _ in 0..<20_000 {
      var document: [UInt8] = []
      for _ in 0..<Int.random(in: 0...14, using: &random) {
        document += pieces[Int.random(in: 0..<pieces.count, using: &random)]
      }
      if !Self.expectSameTokens(document, fast: fast, slow: slow, name: "\(document)") {
        failures += 1
        if failures > 5 { return }
      }
    }
  }

  /// The normalizer leaves one-byte-for-one-byte changes (`A` → `a`) out of its change list:
  /// with or without them, every position maps to the same original offset.
  @Test func oneByteForOneByteChangesMoveNoOriginalOffset() {
    var random = SplitMix64(seed: 11)
    for _ in 0..<2_000 {
      var edits: [TextEdit] = []
      var source = 0
      var destination = 0
      for _ in 0..<Int.random(in: 0...12, using: &random) {
        let unchanged = Int.random(in: 0...3, using: &random)
        source += unchanged
        destination += unchanged
        let oneForOne = Bool.random(using: &random)
        let edit = TextEdit(
          sourceStart: source, sourceLength: oneForOne ? 1 : Int.random(in: 0...4, using: &random),
          destinationStart: destination,
          destinationLength: oneForOne ? 1 : Int.random(in: 0...4, using: &random))
        if edit.sourceLength == 0 && edit.destinationLength == 0 { continue }
        edits.append(edit)
        source = edit.sourceEnd
        destination = edit.destinationEnd
      }
      let all = OffsetMap(edits: edits)
      let kept = OffsetMap(
        edits: edits.filter { !($0.sourceLength == 1 && $0.destinationLength == 1) })
      for position in 0...destination + 1 {
        #expect(all.originalStart(of: position) == kept.originalStart(of: position))
        #expect(all.originalEnd(of: position) == kept.originalEnd(of: position))
      }
    }
  }

  /// The cursor answers exactly as the binary search does, for positions in order and not.
  @Test func theOffsetCursorAgreesWithTheOffsetMap() {
    var random = SplitMix64(seed: 3)
    for _ in 0..<2_000 {
      var edits: [TextEdit] = []
      var source = 0
      var destination = 0
      for _ in 0..<Int.random(in: 0...12, using: &random) {
        let unchanged = Int.random(in: 0...4, using: &random)
        source += unchanged
        destination += unchanged
        let edit = TextEdit(
          sourceStart: source, sourceLength: Int.random(in: 0...4, using: &random),
          destinationStart: destination, destinationLength: Int.random(in: 0...4, using: &random))
        if edit.sourceLength == 0 && edit.destinationLength == 0 { continue }
        edits.append(edit)
        source = edit.sourceEnd
        destination = edit.destinationEnd
      }
      let map = OffsetMap(edits: edits)
      var cursor = OffsetCursor(edits: edits)
      var position = 0
      for _ in 0..<30 {
        // Mostly forward, as tokens come; sometimes back, which the cursor must survive.
        if Int.random(in: 0..<8, using: &random) == 0 {
          position = Int.random(in: 0...destination + 2, using: &random)
        } else {
          position += Int.random(in: 0...2, using: &random)
        }
        if Bool.random(using: &random) {
          #expect(cursor.originalStart(of: position) == map.originalStart(of: position))
        } else {
          #expect(cursor.originalEnd(of: position) == map.originalEnd(of: position))
        }
      }
    }
  }
}

extension TextShortcutTests {
  /// Every document of every shared corpus, and the lines of their published files (which
  /// hold Windows-1252 bytes and other invalid UTF-8), tokenized with and without shortcuts.
  @Suite(
    "Shortcuts on the shared corpora",
    .enabled(if: SharedCorpora.shouldRun, SharedCorpora.skipMessage)
  )
  struct SharedCorpusTests {
    static let corpora = [
      "ag_news", "chnsenticorp_htl", "cr", "goemotions", "mpqa", "sms_spam", "sst2", "subj",
      "thucnews_titles", "trec", "twenty_newsgroups", "uci_amazon_cells", "uci_imdb", "uci_yelp",
    ]

    @Test(arguments: corpora)
    func everyDocumentTokenizesAlikeWithAndWithoutShortcuts(_ corpus: String) throws {
      guard let directory = SharedCorpora.require() else { return }
      let folder = directory.appendingPathComponent(corpus)
      guard FileManager.default.fileExists(atPath: folder.path) else {
        if SharedCorpora.isContinuousIntegration { Issue.record("\(corpus) is missing") }
        return
      }
      // The default settings on every document; the others on a sample, to keep the time down.
      let pipelines = try (0..<TextShortcutTests.settings.count).map(TextShortcutTests.pipelines)
      var failures = 0
      var documents = 0
      for split in ["train", "dev", "test"] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(split).jsonl"))
        for line in data.split(separator: UInt8(ascii: "\n")) {
          let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
          let text = try #require(object?["text"] as? String)
          let document = Array(text.utf8)
          let chosen = documents % 16 == 0 ? pipelines : [pipelines[0]]
          for (fast, slow) in chosen
          where !TextShortcutTests.expectSameTokens(
            document, fast: fast, slow: slow, name: "\(corpus)/\(split).jsonl document \(documents)"
          ) {
            failures += 1
          }
          documents += 1
          if failures > 5 { return }
        }
      }
      #expect(documents > 0)
      let original = folder.appendingPathComponent("original")
      let files =
        (try? FileManager.default.subpathsOfDirectory(atPath: original.path))?.sorted() ?? []
      for file in files {
        let path = original.appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory),
          !isDirectory.boolValue
        else { continue }
        guard let handle = try? FileHandle(forReadingFrom: path) else { continue }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: 1 << 21) ?? Data()
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
          let (fast, slow) = pipelines[number % pipelines.count]
          if !TextShortcutTests.expectSameTokens(
            Array(line), fast: fast, slow: slow,
            name: "\(corpus)/original/\(file) line \(number + 1)")
          {
            failures += 1
            if failures > 5 { return }
          }
        }
      }
    }
  }
}
