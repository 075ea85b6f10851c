import Foundation
import Testing

@testable import MultiTaskText

struct LineReaderTests {
  private func lines(of contents: [UInt8], chunkSize: Int = 8) throws -> [String] {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("line-reader-\(UUID().uuidString).txt")
    try Data(contents).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let reader = try LineReader(path: url.path, chunkSize: chunkSize)
    var result: [String] = []
    while try reader.nextLine({ result.append(String(decoding: $0, as: UTF8.self)) }) {}
    #expect(reader.lineNumber == result.count)
    return result
  }

  @Test func splitsLinesAndStripsCRLF() throws {
    #expect(try lines(of: Array("a\r\nbb\n\nccc".utf8)) == ["a", "bb", "", "ccc"])
    #expect(try lines(of: Array("x\n".utf8)) == ["x"])
    #expect(try lines(of: []) == [])
    #expect(try lines(of: Array("\r\n".utf8)) == [""])
  }

  @Test func growsForLinesLongerThanTheChunk() throws {
    let long = String(repeating: "0123456789", count: 10_000)
    #expect(
      try lines(of: Array("\(long)\nshort\n\(long)".utf8), chunkSize: 16) == [long, "short", long])
  }

  @Test func namesTheFileWhenItCannotBeRead() throws {
    #expect(throws: LineReaderError(path: "/nonexistent/corpus.txt", problem: "no such file")) {
      try LineReader(path: "/nonexistent/corpus.txt")
    }
    let directory = FileManager.default.temporaryDirectory.path
    #expect(throws: LineReaderError(path: directory, problem: "is a directory, not a file")) {
      try LineReader(path: directory)
    }
  }
}
