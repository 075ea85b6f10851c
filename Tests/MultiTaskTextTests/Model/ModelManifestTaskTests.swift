import Foundation
import Testing

@testable import MultiTaskText

/// The manifest's task keeps its metric typed, and writes it as the configuration form the
/// model files have always held.
@Suite struct ModelManifestTaskTests {
  static func json(_ task: ModelManifest.Task) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(task), as: UTF8.self)
  }

  @Test func theMetricIsWrittenInItsConfigurationForm() throws {
    let task = ModelManifest.Task(
      name: "stance", labels: LabelSet(["against", "favor"]), metric: .f1(label: "favor"))
    #expect(
      try Self.json(task)
        == #"{"labels":["against","favor"],"metric":"f1:favor","name":"stance","weight":1}"#
    )
    let decoded = try JSONDecoder().decode(
      ModelManifest.Task.self, from: Data(try Self.json(task).utf8))
    #expect(decoded.metric == .f1(label: "favor"))
  }

  @Test func accuracyIsLeftOutAsInOlderModels() throws {
    let task = ModelManifest.Task(name: "t", labels: LabelSet(["a", "b"]))
    #expect(try !Self.json(task).contains("metric"))
  }

  @Test func anUnknownMetricIsRefused() throws {
    let text = #"{"labels":["a"],"metric":"f2","name":"t","weight":1}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(ModelManifest.Task.self, from: Data(text.utf8))
    }
  }
}
