import Testing

@testable import MultiTaskText

struct LinkDetectorTests {
  static let cases: [(String, [String])] = [
    ("go to http://x.co/win.", ["http://x.co/win"]),
    ("HTTPS://A.B/c?d=e&f=g#h, then", ["HTTPS://A.B/c?d=e&f=g#h"]),
    ("ftp://files.example.org/pub", ["ftp://files.example.org/pub"]),
    ("(www.example.com)", ["www.example.com"]),
    ("wiki https://en.wikipedia.org/wiki/A_(b)).", ["https://en.wikipedia.org/wiki/A_(b)"]),
    ("mailto bob.smith+tag@mail.example.com;", ["bob.smith+tag@mail.example.com"]),
    ("a@b, @handle, x@y.z, name@host.c0m", []),
    ("javascript://nope and http:// alone", []),
    ("awww.example.com and www.", []),
    ("see http://例え.jp now", []),
    ("url:http://a.bc/d", ["http://a.bc/d"]),
  ]

  @Test(arguments: cases)
  func detects(_ text: String, _ expected: [String]) {
    let detector = LinkDetector(findsURLs: true, findsEmails: true)
    var links: [Segment] = []
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { detector.detect(in: $0, into: &links) }
    #expect(links.map { String(decoding: bytes[$0.range], as: UTF8.self) } == expected)
  }

  @Test func findsNothingWhenTurnedOff() {
    let detector = LinkDetector(findsURLs: false, findsEmails: false)
    var links: [Segment] = []
    Array("http://x.co a@b.cd".utf8).withUnsafeBufferPointer {
      detector.detect(in: $0, into: &links)
    }
    #expect(links.isEmpty)
  }
}
