import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText
@testable import MultiTaskTextConfiguration

@Suite struct PipelineConfigurationFileCheckTests {
  @Test func existingFilesPass() throws {
    let directory = try TemporaryDirectory()
    _ = try directory.write("__label__a hello\n", named: "train.txt")
    _ = try directory.write("__label__a hi\n", named: "dev.txt")
    let path = try directory.write(
      "tasks: [{name: t, train: train.txt, dev: dev.txt}]", named: "run.yaml")
    let configuration = try RunConfiguration.load(path: path)
    try configuration.pipeline.validateFilesExist(configurationPath: path)
  }

  @Test func aMissingFileIsNamedByItsKey() throws {
    let directory = try TemporaryDirectory()
    _ = try directory.write("__label__a hello\n", named: "train.txt")
    let path = try directory.write(
      "tasks: [{name: t, train: train.txt, dev: missing.txt}]", named: "run.yaml")
    let configuration = try RunConfiguration.load(path: path)
    let missing = directory.url.appendingPathComponent("missing.txt").standardizedFileURL.path
    let expected = ConfigurationError.missingDataFile(
      path: path, key: "tasks[0].dev", file: missing)
    #expect(throws: expected) {
      try configuration.pipeline.validateFilesExist(configurationPath: path)
    }
    #expect(expected.description == "\(path): \"tasks[0].dev\": file not found: \(missing)")
  }

  @Test func aDirectoryIsNotACorpus() throws {
    let directory = try TemporaryDirectory()
    let folder = directory.url.appendingPathComponent("data.txt")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let configuration = try RunConfiguration.parse(
      text: "tasks: [{name: t, train: data.txt}]", format: .yaml,
      baseDirectory: directory.url.path, sourceName: "run.yaml")
    let file = folder.standardizedFileURL.path
    #expect(
      throws: ConfigurationError.unreadableDataFile(
        path: "run.yaml", key: "tasks[0].train", file: file, problem: "not a regular file")
    ) { try configuration.pipeline.validateFilesExist(configurationPath: "run.yaml") }
  }
}
