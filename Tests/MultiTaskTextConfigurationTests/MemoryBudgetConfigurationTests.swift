import Foundation
import Testing

@testable import MultiTaskText
@testable import MultiTaskTextConfiguration

/// `training.memoryBudget` takes sizes as `mtl quantize --target-size` does, and `none`.
@Suite struct MemoryBudgetConfigurationTests {
  static func budget(_ value: String) throws -> Int? {
    let text = "tasks: [{name: topic, train: t.jsonl}]\ntraining: {memoryBudget: \(value)}\n"
    return try RunConfiguration.parse(
      text: text, format: .yaml, baseDirectory: "/tmp", sourceName: "budget.yaml"
    ).pipeline.training.memoryBudget
  }

  static let sizes: [(String, Int?)] = [
    ("512MiB", 512 << 20), ("2GB", 2_000_000_000), ("1.5G", 1_500_000_000),
    ("300m", 300_000_000), ("4 GiB", 4 << 30), ("1048576", 1 << 20), ("none", nil),
  ]

  @Test(arguments: sizes)
  func sizesAreDecimalUnlessSpelledBinary(text: String, expected: Int?) throws {
    #expect(try Self.budget(text) == expected)
  }

  @Test func theDefaultIs256MiB() throws {
    let text = "tasks: [{name: topic, train: t.jsonl}]\n"
    let configuration = try RunConfiguration.parse(
      text: text, format: .yaml, baseDirectory: "/tmp", sourceName: "budget.yaml")
    #expect(configuration.pipeline.training.memoryBudget == 256 << 20)
  }

  @Test(arguments: ["10", "12KB", "lots", "-1GB", "1e400GB", "true"])
  func badSizesNameTheKeyAndWhatIsExpected(text: String) {
    let error = #expect(throws: ConfigurationError.self) { _ = try Self.budget(text) }
    #expect(error?.description.contains("training.memoryBudget") == true)
    #expect(error?.description.contains("a size such as 512MiB or 4GB") == true)
  }

  @Test func theCacheDirectoryIsResolvedAgainstTheFile() throws {
    let text = "tasks: [{name: topic, train: t.jsonl}]\ntraining: {cacheDirectory: scratch}\n"
    let configuration = try RunConfiguration.parse(
      text: text, format: .yaml, baseDirectory: "/data/runs", sourceName: "budget.yaml")
    #expect(configuration.pipeline.training.cacheDirectory == "/data/runs/scratch")
  }

  @Test func aBudgetOtherThanTheDefaultIsKeptInTheManifestEncoding() throws {
    var training = TrainingConfiguration()
    training.memoryBudget = nil
    let data = try JSONEncoder().encode(training)
    let decoded = try JSONDecoder().decode(TrainingConfiguration.self, from: data)
    #expect(decoded.memoryBudget == nil)
    let plain = try JSONEncoder().encode(TrainingConfiguration())
    #expect(!String(decoding: plain, as: UTF8.self).contains("memoryBudget"))
  }
}
