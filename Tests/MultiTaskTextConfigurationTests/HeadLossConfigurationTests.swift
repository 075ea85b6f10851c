import MultiTaskText
import Testing

@testable import MultiTaskTextConfiguration

/// `tasks[].loss`: read for single-label tasks, refused with a clear message for multi-label
/// ones, whichever order the keys are written in.
@Suite struct HeadLossConfigurationTests {
  static func parse(_ task: String) throws(ConfigurationError) -> RunConfiguration {
    try RunConfiguration.parse(
      text: "tasks: [{name: t, train: a.jsonl\(task)}]\n", format: .yaml, baseDirectory: "/",
      sourceName: "c.yaml")
  }

  @Test(arguments: [
    ("", HeadLoss.softmax), (", loss: hierarchical", .hierarchical), (", loss: sampled", .sampled),
    (", loss: softmax", .softmax),
  ])
  func readsTheLoss(entry: String, loss: HeadLoss) throws {
    let configuration = try Self.parse(entry)
    #expect(configuration.pipeline.tasks[0].specification.loss == loss)
  }

  @Test(arguments: [", loss: hierarchical, type: multiLabel", ", type: multiLabel, loss: sampled"])
  func refusesATreeOrSampledHeadForAMultiLabelTask(entry: String) {
    let error = #expect(throws: ConfigurationError.self) { try Self.parse(entry) }
    let message = error?.description ?? ""
    #expect(message.contains("tasks[0].loss"), "\(message)")
    #expect(message.contains("single-label"), "\(message)")
  }

  @Test func namesTheChoicesOfAnUnknownLoss() {
    let error = #expect(throws: ConfigurationError.self) { try Self.parse(", loss: hs") }
    let message = error?.description ?? ""
    #expect(message.contains("hierarchical") && message.contains("sampled"), "\(message)")
  }
}
