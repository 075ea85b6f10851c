import Foundation
import Testing

/// End-to-end runs of `mtl tokenize`, comparing what it prints.
struct TokenizeCommandTests {
  @Test func printsTheIssueExamplesFromStandardInput() throws {
    let input = "多任务学习可以提高模型的性能\n東京都に住んでいます\nภาษาไทยง่ายนิดเดียว\nＣａｆé ﬁne ＡＢＣ\n"
    let result = try CommandRunner.run(["tokenize"], input: Data(input.utf8))
    #expect(result.status == 0)
    #expect(
      result.standardOutput
        == "多 任务 学习 可以 提高 模型 的 性能\n東京 都 に 住 んで い ます\nภาษา ไทย ง่าย นิด เดียว\ncafé fine abc\n")
  }

  @Test func keepsOneOutputLinePerInputLine() throws {
    let input = "a\n\n   \r\nb\r\nlast line without newline"
    let result = try CommandRunner.run(["tokenize"], input: Data(input.utf8))
    #expect(result.standardOutput == "a\n\n\nb\nlast line without newline\n")
  }

  @Test func writesJSONLinesWithKindsAndOriginalOffsets() throws {
    let result = try CommandRunner.run(
      ["tokenize", "--format", "jsonl"], input: Data("ﬁne \"Win\" http://x.co\n".utf8))
    let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    let tokens = try #require((object as? [String: Any])?["tokens"] as? [[String: Any]])
    #expect(tokens.map { $0["text"] as? String } == ["fine", "\"", "win", "\"", "http://x.co"])
    #expect(
      tokens.map { $0["kind"] as? String } == ["word", "punctuation", "word", "punctuation", "url"])
    #expect(tokens.map { $0["start"] as? Int } == [0, 6, 7, 10, 12])
    #expect(tokens.map { $0["end"] as? Int } == [5, 7, 10, 11, 23])
  }

  @Test func appliesTextOptions() throws {
    let result = try CommandRunner.run(
      [
        "tokenize", "--drop-punctuation", "--number-placeholder", "--urls", "placeholder",
        "--no-case-folding", "--strip-accents",
      ], input: Data("Crème: 42 http://x.co!\n".utf8))
    #expect(result.standardOutput == "Creme <num> <url>\n")
  }

  @Test func readsFilesInOrder() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("One\n".utf8).write(to: directory.appendingPathComponent("a.txt"))
    try Data("Two\n".utf8).write(to: directory.appendingPathComponent("b.txt"))
    let result = try CommandRunner.run(
      [
        "tokenize", directory.appendingPathComponent("a.txt").path,
        directory.appendingPathComponent("b.txt").path,
      ])
    #expect(result.standardOutput == "one\ntwo\n")
  }

  @Test func repairsInvalidUTF8AndWarnsWithTheLine() throws {
    let bytes: [UInt8] = Array("ok\nbad ".utf8) + [0xFF] + Array("\n".utf8)
    let result = try CommandRunner.run(["tokenize"], input: Data(bytes))
    #expect(result.status == 0)
    #expect(result.standardOutput == "ok\nbad \u{FFFD}\n")
    #expect(result.standardError.contains("replaced 1 invalid UTF-8 byte(s)"))
    #expect(result.standardError.contains("<stdin>:2"))
  }

  @Test func strictUTF8FailsWithFileLineAndOffset() throws {
    let bytes: [UInt8] = Array("ok\nbad ".utf8) + [0xFF] + Array("\n".utf8)
    let result = try CommandRunner.run(["tokenize", "--strict-utf8"], input: Data(bytes))
    #expect(result.status == 1)
    #expect(result.standardError.contains("<stdin>:2: invalid UTF-8 at byte offset 4"))
  }

  @Test func namesAMissingFile() throws {
    let result = try CommandRunner.run(["tokenize", "/nonexistent/input.txt"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("/nonexistent/input.txt: no such file"))
  }

  @Test func rejectsAnUnknownFormat() throws {
    let result = try CommandRunner.run(["tokenize", "--format", "xml"])
    #expect(result.status != 0)
    #expect(result.standardError.contains("xml"))
  }

  @Test func streamsATenMegabyteLine() throws {
    let line = String(repeating: "spam ", count: 2_000_000)
    let result = try CommandRunner.run(["tokenize"], input: Data((line + "\nend\n").utf8))
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3)
    #expect(lines[0].utf8.count == 2_000_000 * 5 - 1)
    #expect(lines[1] == "end")
  }
}
