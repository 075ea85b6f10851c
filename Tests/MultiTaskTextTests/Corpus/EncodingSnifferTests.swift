import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

extension CorpusTests {
  @Suite("Sniffing")
  struct EncodingSnifferTests {
    static let jsonl = #"{"text": "the striker scored", "label": "sports"}"# + "\n"

    /// The bytes of a tiny 1×1 PNG: signature, IHDR, IDAT, IEND.
    static let png: [UInt8] = [
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
      0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
      0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60,
      0x60, 0x60, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0xF6, 0x17, 0x38, 0x55, 0x00, 0x00, 0x00,
      0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    /// The start of an x86-64 ELF executable header, as in `/bin/ls`.
    static let elf: [UInt8] =
      [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 8)
      + [0x03, 0x00, 0x3E, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0A, 0x6D, 0x00, 0x00]

    static func utf16(_ text: String, bigEndian: Bool, byteOrderMark: Bool) -> [UInt8] {
      var bytes: [UInt8] = byteOrderMark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
      for unit in text.utf16 {
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        bytes += bigEndian ? [high, low] : [low, high]
      }
      return bytes
    }

    static let cases: [(String, [UInt8], EncodingSniffer.Finding)] = [
      ("UTF-8 text", Array(jsonl.utf8), .text),
      ("empty", [], .text),
      ("UTF-16LE with BOM", utf16(jsonl, bigEndian: false, byteOrderMark: true), .utf16(line: 1)),
      ("UTF-16BE with BOM", utf16(jsonl, bigEndian: true, byteOrderMark: true), .utf16(line: 1)),
      (
        "UTF-16LE without BOM", utf16(jsonl, bigEndian: false, byteOrderMark: false),
        .utf16(line: 1)
      ),
      (
        "UTF-16BE without BOM", utf16(jsonl, bigEndian: true, byteOrderMark: false), .utf16(line: 1)
      ),
      ("PNG", png, .binary(line: 3, offset: 0)),
      ("ELF", elf, .binary(line: 1, offset: 7)),
      ("one stray NUL in long text", Array((jsonl + jsonl + jsonl + "a\0b\n").utf8), .text),
    ]

    @Test(arguments: cases)
    func classifiesThePrefix(_ name: String, bytes: [UInt8], expected: EncodingSniffer.Finding) {
      let finding = bytes.withUnsafeBufferPointer { EncodingSniffer.inspect($0) }
      #expect(finding == expected, "\(name)")
    }

    @Test func aUTF16FileStopsTheReaderEvenWhenSkippingInvalidRecords() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write(
        Self.utf16(Self.jsonl + Self.jsonl, bigEndian: false, byteOrderMark: true),
        named: "utf16.jsonl")
      let error = #expect(throws: CorpusError.self) {
        _ = try readAll(CorpusSource(path: path, format: .jsonl, skipInvalid: true))
      }
      #expect(error == .looksLikeUTF16(path: path, line: 1))
      #expect(
        error?.description
          == "\(path):1: the file looks like UTF-16; convert it to UTF-8"
          + " (for example: iconv -f UTF-16 -t UTF-8)")
    }

    @Test(arguments: [CorpusFormat.jsonl, .fasttext, .csv])
    func aPNGIsRejectedAsBinaryWhateverTheFormat(_ format: CorpusFormat) throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write(Self.png, named: "image.png")
      let error = #expect(throws: CorpusError.self) {
        _ = try readAll(CorpusSource(path: path, format: format, skipInvalid: true))
      }
      #expect(error == .binaryData(path: path, line: 3, offset: 0))
      #expect(
        error?.description
          == "\(path):3: line 3 contains NUL bytes (first at byte 1), so this looks like binary"
          + " data, not text")
    }

    @Test func aNulByteLaterInATextFileIsARecordProblem() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write(
        Array((Self.jsonl + Self.jsonl).utf8) + Array("{\"text\": \"a\0b\"}\n".utf8)
          + Array(Self.jsonl.utf8), named: "nul.jsonl")
      #expect(throws: CorpusError.binaryData(path: path, line: 3, offset: 11)) {
        _ = try readAll(CorpusSource(path: path, format: .jsonl))
      }
      let (examples, statistics) = try readAll(
        CorpusSource(path: path, format: .jsonl, skipInvalid: true))
      #expect(examples.count == 3)
      #expect(statistics.skippedProblems == [.binaryData(path: path, line: 3, offset: 11)])
    }
  }
}
