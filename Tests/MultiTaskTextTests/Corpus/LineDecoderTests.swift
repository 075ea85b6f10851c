import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

extension CorpusTests {
  @Suite("Encodings")
  struct LineDecoderTests {
    @Test func transcodesWindows1252() throws {
      let directory = try TemporaryDirectory()
      // “café” costs 5 € – ‘ok’
      let bytes: [UInt8] =
        [0x93] + Array("caf".utf8) + [0xE9, 0x94] + Array(" costs 5 ".utf8) + [0x80, 0x20, 0x96]
        + [0x20, 0x91] + Array("ok".utf8) + [0x92, 0x0A, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x0A]
      let path = try directory.write(bytes, named: "cp1252.txt")
      let (examples, statistics) = try readAll(
        CorpusSource(path: path, format: .fasttext, encoding: .windows1252))
      #expect(
        examples.map(\.text) == [
          "\u{201C}café\u{201D} costs 5 € \u{2013} \u{2018}ok\u{2019}",
          "\u{81}\u{8D}\u{8F}\u{90}\u{9D}",
        ])
      #expect(statistics.repairedLines == 0)
    }

    @Test func transcodesLatin1() throws {
      let directory = try TemporaryDirectory()
      let bytes: [UInt8] =
        Array("text,label\nna".utf8) + [0xEF, 0x76, 0x65, 0x2C, 0xB1, 0x0A]
        + [0x80, 0xFF, 0x2C, 0x78, 0x0A]
      let path = try directory.write(bytes, named: "latin1.csv")
      let (examples, _) = try readAll(CorpusSource(path: path, format: .csv, encoding: .latin1))
      #expect(examples.map(\.text) == ["naïve", "\u{80}ÿ"])
      #expect(examples.map { $0.labels["default"] } == ["±", "x"])
    }

    @Test func repairsInvalidUTF8AndCountsLines() throws {
      let directory = try TemporaryDirectory()
      let bytes: [UInt8] =
        Array("ok line\nbad ".utf8) + [0xE9] + Array(" byte\nalso ".utf8)
        + [0xED, 0xA0, 0x80] + Array("\nfine é\n".utf8)
      let path = try directory.write(bytes, named: "mixed.txt")
      let (examples, statistics) = try readAll(CorpusSource(path: path, format: .fasttext))
      #expect(
        examples.map(\.text) == [
          "ok line", "bad \u{FFFD} byte", "also \u{FFFD}\u{FFFD}\u{FFFD}", "fine é",
        ])
      #expect(statistics.repairedLines == 2)
    }

    @Test func strictModeRejectsInvalidUTF8WithPosition() throws {
      let directory = try TemporaryDirectory()
      let bytes: [UInt8] = Array("ok\nnaïve ".utf8) + [0xC3, 0x28] + Array("\n".utf8)
      let path = try directory.write(bytes, named: "strict.txt")
      let source = CorpusSource(path: path, format: .fasttext, strictEncoding: true)
      let error = #expect(throws: CorpusError.self) { _ = try readAll(source) }
      #expect(error?.description == "\(path):2:7: invalid utf-8 byte sequence")
    }

    @Test(
      arguments: [
        [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82], [0xFF],
      ] as [[UInt8]])
    func validatorRejectsIllFormedSequences(bytes: [UInt8]) {
      let offset = (Array("ab".utf8) + bytes).withUnsafeBufferPointer {
        UTF8Bytes.firstInvalidOffset(in: $0)
      }
      #expect(offset == 2)
    }

    @Test func validatorAgreesWithTheStandardLibrary() {
      var state: UInt64 = 42
      for _ in 0..<2_000 {
        var bytes: [UInt8] = []
        for _ in 0..<8 {
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          let pick = UInt8(truncatingIfNeeded: state >> 56)
          bytes.append(pick % 3 == 0 ? pick & 0x7F : pick | 0x80)
        }
        let ours = bytes.withUnsafeBufferPointer { UTF8Bytes.firstInvalidOffset(in: $0) }
        let standard = String(validating: bytes, as: UTF8.self)
        #expect((ours == nil) == (standard != nil), "bytes \(bytes)")
      }
    }

    @Test func encodingNamesAndCoding() throws {
      #expect(CorpusEncoding(name: "CP1252") == .windows1252)
      #expect(CorpusEncoding(name: "ISO-8859-1") == .latin1)
      #expect(CorpusEncoding(name: "UTF8") == .utf8)
      #expect(CorpusEncoding(name: "ebcdic") == nil)
    }
  }
}
