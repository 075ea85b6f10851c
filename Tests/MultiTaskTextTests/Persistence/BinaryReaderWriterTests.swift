import Testing

@testable import MultiTaskText

@Suite struct BinaryReaderWriterTests {
  @Test func integersAreLittleEndian() {
    var writer = BinaryWriter()
    writer.write(UInt32(0x0403_0201))
    writer.write(UInt64(0x0807_0605_0403_0201))
    writer.write(Float(1))
    writer.write(UInt8(0xAB))
    #expect(
      writer.bytes == [
        1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 0x00, 0x00, 0x80, 0x3F, 0xAB,
      ])
  }

  @Test func everyValueRoundTrips() throws {
    let floats: [Float] = [0, -0.0, 1.5, .infinity, -.greatestFiniteMagnitude, .nan]
    var writer = BinaryWriter()
    writer.write(UInt8(7))
    writer.write(UInt32.max)
    writer.write(UInt64.max - 1)
    writer.write(contentsOf: floats)
    writer.write(contentsOf: [UInt32(9)])
    writer.write(contentsOf: [UInt8(4), 5])

    var reader = BinaryReader(bytes: writer.bytes, path: "values.bin")
    #expect(try reader.readUInt8() == 7)
    #expect(try reader.readUInt32() == .max)
    #expect(try reader.readUInt64() == .max - 1)
    let readFloats = try reader.readFloats(count: floats.count)
    #expect(readFloats.map(\.bitPattern) == floats.map(\.bitPattern))
    #expect(try reader.readUInt32s(count: 1) == [9])
    try reader.skip(count: 1)
    #expect(try reader.readBytes(count: 1) == [5])
    #expect(reader.isAtEnd)
  }

  static let truncations: [(String, [UInt8], PersistenceError)] = [
    ("uint32", [1, 2, 3], .truncated(path: "m.mtl", offset: 0, needed: 4)),
    ("uint64", [1, 2, 3, 4, 5, 6, 7], .truncated(path: "m.mtl", offset: 0, needed: 8)),
    ("floats", [0, 0, 0, 0, 0, 0, 0], .truncated(path: "m.mtl", offset: 0, needed: 8)),
    ("huge floats", [], .truncated(path: "m.mtl", offset: 0, needed: Int.max)),
    ("bytes", [0x61, 0x62], .truncated(path: "m.mtl", offset: 0, needed: 5)),
    ("uint8", [], .truncated(path: "m.mtl", offset: 0, needed: 1)),
  ]

  @Test(arguments: truncations)
  func damagedInputThrowsWithTheOffset(
    read: String, bytes: [UInt8], expected: PersistenceError
  ) {
    var reader = BinaryReader(bytes: bytes, path: "m.mtl")
    #expect(throws: expected) {
      switch read {
      case "uint32": _ = try reader.readUInt32()
      case "uint64": _ = try reader.readUInt64()
      case "floats": _ = try reader.readFloats(count: 2)
      case "huge floats": _ = try reader.readFloats(count: Int.max / 2)
      case "bytes": _ = try reader.readBytes(count: 5)
      default: _ = try reader.readUInt8()
      }
    }
  }

  @Test func readsPickUpAfterEarlierValues() throws {
    var reader = BinaryReader(bytes: [9, 1, 0], path: "model.mtl")
    _ = try reader.readUInt8()
    #expect(reader.remaining == 2)
    #expect(throws: PersistenceError.truncated(path: "model.mtl", offset: 1, needed: 4)) {
      try reader.readUInt32()
    }
    #expect(reader.offset == 1)
  }

  static let descriptions: [(PersistenceError, String)] = [
    (
      .truncated(path: "model.mtl", offset: 1234, needed: 400),
      "model.mtl: truncated at byte 1234 (needed 400 more bytes)"
    ),
    (
      .badMagic(path: "x", expected: 0x4D54_4C31, found: 0xFF),
      "x: not a MultiTaskText file (magic 0x000000ff, expected 0x4d544c31)"
    ),
    (
      .unsupportedVersion(path: "x", found: 9, supported: 1),
      "x: format version 9 is not supported (this build reads 1)"
    ),
    (
      .checksumMismatch(path: "x", expected: 1, found: 2),
      "x: checksum mismatch (stored 0x00000001, computed 0x00000002); the file is damaged"
    ),
    (
      .fileSystem(path: "/a/b", operation: "replace the file", reason: "Is a directory"),
      "/a/b: cannot replace the file: Is a directory"
    ),
    (
      .unencodableManifest(
        path: "m.mtl", problem: "the value inf at manifest.tasks[0].weight is not JSON"),
      "m.mtl: cannot save the model: the value inf at manifest.tasks[0].weight is not JSON"
    ),
  ]

  @Test(arguments: descriptions)
  func descriptionsNameTheFileAndPlace(error: PersistenceError, expected: String) {
    #expect(error.description == expected)
  }
}
