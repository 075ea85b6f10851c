import Testing

@testable import MultiTaskText

struct ReportDisplayWidthTests {
  @Test(arguments: [
    ("abc", 3), ("", 0), ("中文", 4), ("電子產品", 8), ("한국어", 6), ("カタカナ", 8), ("🍎", 2),
    ("e\u{301}", 1), ("ＡＢ", 4), ("a🍎b", 4), ("❤️", 2),
  ])
  func countsWideCharactersAsTwoColumns(text: String, columns: Int) {
    #expect(DisplayWidth.of(text) == columns)
  }

  @Test(arguments: [
    ("abcdef", 6, "abcdef"), ("abcdef", 4, "abc…"), ("中文中文", 5, "中文…"), ("中文中文", 4, "中…"),
    ("ab", 0, ""),
  ])
  func truncatesToAWidth(text: String, width: Int, expected: String) {
    let result = DisplayWidth.truncate(text, to: width)
    #expect(result == expected)
    #expect(DisplayWidth.of(result) <= width)
  }

  @Test func removesControlCharacters() {
    #expect(DisplayWidth.sanitized("a\u{1B}[31mb\tc") == "a\u{FFFD}[31mb c")
  }
}
