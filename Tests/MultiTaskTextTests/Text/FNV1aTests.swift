import Testing

@testable import MultiTaskText

@Suite struct FNV1aTests {
  // Golden values computed independently with a short script.
  static let golden: [(String, UInt32)] = [
    ("", 0x811c_9dc5),
    ("a", 0xe40c_292c),
    ("foobar", 0xbf9c_f968),
    ("café", 0xa82b_5049),
    ("学习", 0xeb29_fe1c),
  ]

  @Test(arguments: golden)
  func hashesOfStringsMatchGoldenValues(text: String, expected: UInt32) {
    #expect(FNV1a.hash(text) == expected)
  }

  @Test(arguments: golden)
  func everyInputFormGivesTheSameHash(text: String, expected: UInt32) {
    let bytes = Array(text.utf8)
    #expect(FNV1a.hash(bytes) == expected)
    #expect(bytes.withUnsafeBytes { FNV1a.hash($0) } == expected)
    var incremental = FNV1a()
    for byte in bytes { incremental.combine(byte) }
    #expect(incremental.value == expected)
  }

  @Test func combiningPiecesEqualsHashingTheWhole() {
    var hasher = FNV1a()
    hasher.combine(contentsOf: "foo".utf8)
    hasher.combine(contentsOf: "bar".utf8)
    #expect(hasher.value == FNV1a.hash("foobar"))
    #expect(FNV1a().value == FNV1a.offsetBasis)
  }
}
