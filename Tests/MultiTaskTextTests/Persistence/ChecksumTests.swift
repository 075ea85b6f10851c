import Testing

@testable import MultiTaskText

@Suite struct ChecksumTests {
  static let golden: [(String, Checksum.Polynomial, UInt32)] = [
    ("123456789", .castagnoli, 0xE306_9283),
    ("123456789", .ieee, 0xCBF4_3926),
    ("", .castagnoli, 0),
    ("", .ieee, 0),
    ("The quick brown fox jumps over the lazy dog", .ieee, 0x414F_A339),
    ("The quick brown fox jumps over the lazy dog", .castagnoli, 0x2262_0404),
  ]

  @Test(arguments: golden)
  func checksumsMatchGoldenValues(text: String, polynomial: Checksum.Polynomial, expected: UInt32) {
    #expect(Checksum.of(Array(text.utf8), polynomial: polynomial) == expected)
  }

  @Test func piecesGiveTheSameChecksumAsTheWhole() {
    var checksum = Checksum(.castagnoli)
    checksum.update(with: "1234".utf8)
    checksum.update(with: "56789".utf8)
    #expect(checksum.value == 0xE306_9283)
  }
}
