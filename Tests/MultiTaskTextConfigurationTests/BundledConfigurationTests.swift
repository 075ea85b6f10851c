import Foundation
import MultiTaskText
import MultiTaskTextConfiguration
import Testing

/// The configuration files shipped in `corpora/` load and name files that exist.
struct BundledConfigurationTests {
  /// The repository's `corpora/` folder, found from this source file's location.
  static func folder() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("corpora")
  }

  @Test(arguments: ["default.yaml", "shared-file.yaml"])
  func aBundledConfigurationLoadsAndNamesExistingFiles(name: String) throws {
    let path = Self.folder().appendingPathComponent(name).path
    let configuration = try RunConfiguration.load(path: path)
    try configuration.pipeline.validateFilesExist(configurationPath: path)
    #expect(!configuration.pipeline.tasks.isEmpty)
  }

  @Test func theDefaultConfigurationHasTheThreeTasks() throws {
    let path = Self.folder().appendingPathComponent("default.yaml").path
    let configuration = try RunConfiguration.load(path: path)
    #expect(configuration.pipeline.tasks.map(\.name) == ["topic", "sentiment", "spam"])
  }
}
