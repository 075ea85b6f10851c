import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

extension CorpusTests {
  /// Bad input that must fail with a precise message, or be repaired and counted.
  @Suite("Reliability")
  struct CorpusReliabilityTests {
    @Test func aMisspeltLabelFieldFailsOnTheFirstRecord() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write(
        "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\", \"label\": \"y\"}\n",
        named: "train.jsonl")
      var source = CorpusSource(
        path: path, format: .jsonl, taskName: "topic", labelField: "category")
      source.checksLabelField = true
      let error = #expect(throws: CorpusError.self) { _ = try readAll(source) }
      #expect(
        error
          == .missingLabelField(
            path: path, line: 1, field: "category", labelsField: "labels", task: "topic",
            available: ["text", "label"]))
      #expect(
        error?.description
          == "\(path):1: the first record has no label field \"category\" (labelField of task"
          + " \"topic\") and no \"labels\" (labelsField); its fields are \"text\", \"label\"")
      // Skipping invalid records does not hide it: every record would be unlabelled.
      source.skipInvalid = true
      #expect(throws: CorpusError.self) { _ = try readAll(source) }
    }

    @Test func theLabelFieldIsCheckedOnlyWhenAsked() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write("{\"text\": \"a\"}\n", named: "unlabelled.jsonl")
      let (examples, _) = try readAll(CorpusSource(path: path, format: .jsonl))
      #expect(examples.map(\.text) == ["a"])
    }

    @Test func repairedLinesAreCountedWithTheirNumbers() throws {
      let directory = try TemporaryDirectory()
      var bytes: [UInt8] = []
      for line in 1...8 {
        bytes += Array("{\"text\": \"line \(line)".utf8)
        if line.isMultiple(of: 2) { bytes.append(0xFF) }
        bytes += Array("\", \"label\": \"x\"}\n".utf8)
      }
      let path = try directory.write(bytes, named: "repaired.jsonl")
      let (examples, statistics) = try readAll(CorpusSource(path: path, format: .jsonl))
      #expect(examples.count == 8)
      #expect(examples[1].text == "line 2\u{FFFD}")
      #expect(statistics.repairedLines == 4)
      #expect(statistics.repairedLineNumbers == [2, 4, 6, 8])
      #expect(statistics.path == path)
      #expect(statistics.hasProblems)
    }

    @Test func aByteOrderMarkAndCRLFLineEndingsAreHandled() throws {
      let directory = try TemporaryDirectory()
      let path = try directory.write(
        [0xEF, 0xBB, 0xBF] + Array("text,label\r\nhello,a\r\nworld,b\r\n".utf8), named: "bom.csv")
      let (examples, statistics) = try readAll(CorpusSource(path: path, format: .csv))
      #expect(examples.map(\.text) == ["hello", "world"])
      #expect(examples.map { $0.labels["default"] } == ["a", "b"])
      #expect(!statistics.hasProblems)
    }

    @Test func aDirectoryAndAMissingFileAreUnreadable() throws {
      let directory = try TemporaryDirectory()
      #expect(
        throws: CorpusError.unreadable(
          path: directory.url.path, problem: "is a directory, not a file")
      ) {
        _ = try readAll(CorpusSource(path: directory.url.path, format: .jsonl))
      }
      let missing = directory.url.appendingPathComponent("missing.jsonl").path
      #expect(throws: CorpusError.unreadable(path: missing, problem: "no such file")) {
        _ = try readAll(CorpusSource(path: missing, format: .jsonl))
      }
    }

    @Test func aFileWithoutReadPermissionIsUnreadable() throws {
      // chmod 000 does not stop root, so there is nothing to observe when tests run as root.
      guard getuid() != 0 else { return }
      let directory = try TemporaryDirectory()
      let path = try directory.write("{\"text\": \"a\"}\n", named: "secret.jsonl")
      chmod(path, 0)
      defer { chmod(path, 0o644) }
      #expect(throws: CorpusError.unreadable(path: path, problem: "permission denied")) {
        _ = try readAll(CorpusSource(path: path, format: .jsonl))
      }
    }
  }
}
