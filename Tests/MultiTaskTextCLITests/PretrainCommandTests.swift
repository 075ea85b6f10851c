import Foundation
import Testing

/// End-to-end runs of `mtl pretrain`: a `.bin` twice from the same text and seed is the same
/// file, the `.vec` has every word, a JSONL file gives its "text" fields, and bad input is an
/// error naming the file and line.
struct PretrainCommandTests {
  static func folder() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  static let text = (0..<40).map { $0 % 2 == 0 ? "Cats chase mice." : "Markets move stocks." }
    .joined(separator: "\n")

  @Test func writesTheSameBinaryTwiceAndAVecOfEveryWord() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("text.txt")
    try Data(Self.text.utf8).write(to: input)
    var outputs: [Data] = []
    for name in ["a.bin", "b.bin"] {
      let output = directory.appendingPathComponent(name).path
      let result = try CommandRunner.run(
        [
          "pretrain", input.path, "--output", output, "--min-count", "1", "--buckets", "1000",
          "--dimension", "8", "--epochs", "2",
        ])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardOutput.contains("vectors of 7 words"))
      outputs.append(try Data(contentsOf: URL(fileURLWithPath: output)))
    }
    #expect(outputs[0] == outputs[1])
    let vec = directory.appendingPathComponent("v.vec").path
    let result = try CommandRunner.run(
      [
        "pretrain", input.path, "--output", vec, "--min-count", "1", "--buckets", "1000",
        "--dimension", "8", "--epochs", "1",
      ])
    #expect(result.status == 0)
    let lines = try String(contentsOfFile: vec, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "7 8")
    #expect(
      Set(lines.dropFirst().map { $0.split(separator: " ")[0] })
        == ["cats", "chase", "mice", ".", "markets", "move", "stocks"])
  }

  @Test func readsTheTextOfJSONLAndNamesABadLine() throws {
    let directory = try Self.folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("train.jsonl")
    try Data("{\"text\": \"one two\", \"label\": \"a\"}\n{\"label\": \"b\"}\n".utf8).write(
      to: input)
    let output = directory.appendingPathComponent("v.vec").path
    let result = try CommandRunner.run(
      ["pretrain", input.path, "--output", output, "--min-count", "1"])
    #expect(result.status == 1)
    #expect(
      result.standardError.contains("train.jsonl:2: not a JSON object with a \"text\" string"))
    #expect(!FileManager.default.fileExists(atPath: output))
    let wrong = try CommandRunner.run(["pretrain", input.path, "--output", "vectors.txt"])
    #expect(wrong.status != 0)
    #expect(wrong.standardError.contains("--output must end in .bin or .vec"))
    let range = try CommandRunner.run(
      ["pretrain", input.path, "--output", output, "--window", "0"])
    #expect(range.standardError.contains("window is 0; it must be in 1...100"))
  }
}
