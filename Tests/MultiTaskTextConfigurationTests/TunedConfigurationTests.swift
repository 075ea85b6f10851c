import Foundation
import MultiTaskText
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskTextConfiguration

/// `tuned.yaml` is the original configuration with the overrides applied and every path
/// absolute, and reads back to the same settings.
struct TunedConfigurationTests {
  @Test func theTunedFileReadsBackToTheOverriddenConfiguration() throws {
    let directory = try TemporaryDirectory()
    let original = try directory.write(
      """
      # a comment the tuned file drops
      tasks:
        - name: spam
          train: {path: data/spam.tsv, textColumns: [1], labelColumn: 0, hasHeader: false}
          dev: data/dev.tsv
          format: tsv
      training: {sampling: proportional, seed: 3}
      """, named: "run.yaml")
    let overrides = [
      "training.learningRate=0.2", "features.minn=3", "features.maxn=5", "tasks.spam.weight=2",
    ]
    let text = try TunedConfiguration.yaml(originalPath: original, overrides: overrides)
    let elsewhere = try TemporaryDirectory()
    let tunedPath = try elsewhere.write(text, named: "tuned.yaml")
    let tuned = try RunConfiguration.load(path: tunedPath)
    let expected = try RunConfiguration.load(path: original, overrides: overrides)
    #expect(tuned == expected)
    #expect(tuned.pipeline.tasks[0].train.path.hasPrefix("/"))
    #expect(tuned.pipeline.training.sampling == .proportional)
  }
}
