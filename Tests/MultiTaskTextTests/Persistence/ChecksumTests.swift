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

struct ChecksumSlicingTests {
  /// The bitwise definition, one bit at a time: the reference for the table-driven paths.
  static func naive(_ bytes: [UInt8], reflected: UInt32) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ reflected : crc >> 1 }
    }
    return ~crc
  }

  @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 1000, 4099])
  func contiguousAndByteByBytePathsMatchTheBitwiseDefinition(_ length: Int) {
    var generator = SplitMix64(seed: UInt64(length))
    let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    for (polynomial, reflected) in [
      (Checksum.Polynomial.castagnoli, UInt32(0x82F6_3B78)), (.ieee, 0xEDB8_8320),
    ] {
      let expected = Self.naive(bytes, reflected: reflected)
      #expect(Checksum.of(bytes, polynomial: polynomial) == expected)
      #expect(Checksum.of(bytes.lazy.map { $0 }, polynomial: polynomial) == expected)
    }
  }
}
