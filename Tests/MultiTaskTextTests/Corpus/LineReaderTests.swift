import Foundation
import Testing

@testable import MultiTaskText

struct LineReaderTests {
  private func lines(
    of contents: [UInt8], chunkSize: Int = 8, maximumLineBytes: Int = 1 << 25
  ) throws -> [String] {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("line-reader-\(UUID().uuidString).txt")
    try Data(contents).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let reader = try LineReader(
      path: url.path, chunkSize: chunkSize, maximumLineBytes: maximumLineBytes)
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

  @Test func acceptsLinesUpToTheLimitAndRefusesLongerOnes() throws {
    let fits = String(repeating: "x", count: 100)
    #expect(
      try lines(of: Array("\(fits)\r\n\(fits)".utf8), maximumLineBytes: 100) == [fits, fits])
    let error = #expect(throws: LineReaderError.self) {
      _ = try lines(of: Array("ok\n\(fits)x\n".utf8), maximumLineBytes: 100)
    }
    #expect(
      error?.problem
        == "line 2 is longer than 100 bytes, the longest line mtl reads"
        + " (no line break found; is this a text file?)")
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
