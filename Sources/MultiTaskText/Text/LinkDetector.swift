/// Finds URLs and e-mail addresses in normalized text, so they can stay whole.
///
/// ICU's word rules split `http://x.co/win` into `http`, `:`, `/`, `/`, `x.co`, `/`, `win`,
/// while a spam filter wants the address as one feature. Detection is deliberately plain and
/// ASCII-only: `http://`, `https://` and `ftp://` schemes, `www.` hosts, and `local@domain.tld`
/// addresses. Trailing sentence punctuation is not part of an address.
struct LinkDetector {
  var findsURLs: Bool
  var findsEmails: Bool

  /// Appends the links in `text`, in order and without overlap, to `links` (after clearing it).
  func detect(in text: UnsafeBufferPointer<UInt8>, into links: inout [Segment]) {
    links.removeAll(keepingCapacity: true)
    guard findsURLs || findsEmails else { return }
    var index = 0
    var lastEnd = 0
    let count = text.count
    while index < count {
      // Every address is found from a `:`, a `w` or an `@`; other bytes are passed quickly,
      // eight at a time where none of the eight can start one.
      if index + 8 <= count, !Self.mayStartLink(in: text, at: index) {
        index += 8
        continue
      }
      let byte = text[index]
      if byte != UInt8(ascii: ":") && byte != UInt8(ascii: "@") && byte | 0x20 != UInt8(ascii: "w")
      {
        index += 1
        continue
      }
      if findsURLs, byte == UInt8(ascii: ":"), index + 2 < count,
        text[index + 1] == UInt8(ascii: "/"), text[index + 2] == UInt8(ascii: "/"),
        let start = schemeStart(in: text, colon: index, notBefore: lastEnd)
      {
        let end = urlEnd(in: text, from: index + 3)
        if end > index + 3 {
          links.append(Segment(range: start..<end, kind: .url))
          lastEnd = end
          index = end
          continue
        }
      }
      if findsURLs, byte | 0x20 == UInt8(ascii: "w"), index >= lastEnd,
        isBoundary(text, before: index), startsWithWWW(text, at: index)
      {
        let end = urlEnd(in: text, from: index + 4)
        if end > index + 4 {
          links.append(Segment(range: index..<end, kind: .url))
          lastEnd = end
          index = end
          continue
        }
      }
      if findsEmails, byte == UInt8(ascii: "@"),
        let range = emailRange(in: text, at: index, notBefore: lastEnd)
      {
        links.append(Segment(range: range, kind: .email))
        lastEnd = range.upperBound
        index = range.upperBound
        continue
      }
      index += 1
    }
  }

  /// Whether any of the eight bytes at `index` is a `:`, an `@` or a `w` or `W`: the classic
  /// "has a zero byte" test on the word XORed with each pattern. It can report a match that is
  /// not there (the caller then looks byte by byte), never miss one.
  private static func mayStartLink(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard let base = text.baseAddress else { return false }
    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
    return hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: ":"))))
      || hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "@"))))
      || hasZeroByte((word | (ones &* 0x20)) ^ (ones &* UInt64(UInt8(ascii: "w"))))
  }

  private func schemeStart(
    in text: UnsafeBufferPointer<UInt8>, colon: Int, notBefore limit: Int
  ) -> Int? {
    var start = colon
    while start > limit && Self.isLetter(text[start - 1]) && colon - start < 6 { start -= 1 }
    guard isBoundary(text, before: start) else { return nil }
    let scheme = text[start..<colon].map { $0 | 0x20 }
    let known: [[UInt8]] = [Array("http".utf8), Array("https".utf8), Array("ftp".utf8)]
    return known.contains(scheme) ? start : nil
  }

  private func startsWithWWW(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + 4 < text.count else { return false }
    return text[index + 1] | 0x20 == UInt8(ascii: "w")
      && text[index + 2] | 0x20 == UInt8(ascii: "w")
      && text[index + 3] == UInt8(ascii: ".") && Self.isAlphanumeric(text[index + 4])
  }

  /// The end of a URL whose host starts at `start`: up to whitespace, a quote, an angle bracket
  /// or non-ASCII text, less trailing punctuation and an unbalanced closing parenthesis.
  private func urlEnd(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var end = start
    var openParentheses = 0
    while end < text.count {
      let byte = text[end]
      guard byte > 0x20 && byte < 0x7F else { break }
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
      {
        break
      }
      if byte == UInt8(ascii: "(") { openParentheses += 1 }
      if byte == UInt8(ascii: ")") { openParentheses -= 1 }
      end += 1
    }
    while end > start {
      let last = text[end - 1]
      if last == UInt8(ascii: ")") && openParentheses >= 0 { break }
      guard Self.trailingPunctuation.contains(last) else { break }
      if last == UInt8(ascii: ")") { openParentheses += 1 }
      end -= 1
    }
    return end
  }

  private func emailRange(
    in text: UnsafeBufferPointer<UInt8>, at: Int, notBefore limit: Int
  ) -> Range<Int>? {
    var start = at
    while start > limit && Self.isLocalPart(text[start - 1]) { start -= 1 }
    while start < at && text[start] == UInt8(ascii: ".") { start += 1 }
    guard start < at, isBoundary(text, before: start) || start == limit else { return nil }
    var end = at + 1
    var lastDot = -1
    while end < text.count
      && (Self.isAlphanumeric(text[end]) || text[end] == UInt8(ascii: "-")
        || text[end] == UInt8(ascii: "."))
    {
      if text[end] == UInt8(ascii: ".") { lastDot = end }
      end += 1
    }
    while end > at + 1
      && (text[end - 1] == UInt8(ascii: ".") || text[end - 1] == UInt8(ascii: "-"))
    {
      end -= 1
    }
    if lastDot >= end { lastDot = text[(at + 1)..<end].lastIndex(of: UInt8(ascii: ".")) ?? -1 }
    guard lastDot > at + 1, end - lastDot > 2 else { return nil }
    guard text[(lastDot + 1)..<end].allSatisfy(Self.isLetter) else { return nil }
    return start..<end
  }

  private func isBoundary(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
    index == 0 || !Self.isAlphanumeric(text[index - 1])
  }

  private static let trailingPunctuation: Set<UInt8> = Set(".,;:!?'\")]*".utf8)

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private static func isLocalPart(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
  }
}
