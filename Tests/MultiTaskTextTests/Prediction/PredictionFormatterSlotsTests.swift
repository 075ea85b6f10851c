import Foundation
import Testing

@testable import MultiTaskText

/// ``PredictionFormatter/writeSlots(ofTask:of:into:)``, the numbers behind the C API's
/// `mtl_predict_labels`, against the JSON line the same formatter writes for the same run.
@Suite struct PredictionFormatterSlotsTests {
  /// Task `task`'s slots for the predictor's last document.
  static func slots(
    _ formatter: PredictionFormatter, task: Int, predictor: Predictor
  ) -> (status: AnswerStatus, labels: [Int32], probabilities: [Float], selected: [UInt8]) {
    let count = formatter.slotCount(ofTask: task)
    // Filled with 7 first, so a slot the formatter forgets to write shows.
    let labels = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
    let probabilities = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
    let selected = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count)
    labels.initialize(repeating: 7)
    probabilities.initialize(repeating: 7)
    selected.initialize(repeating: 7)
    defer {
      labels.deallocate()
      probabilities.deallocate()
      selected.deallocate()
    }
    let slots = AnswerSlots(
      labels: labels.baseAddress!, probabilities: probabilities.baseAddress!,
      selected: selected.baseAddress)
    let status = formatter.writeSlots(ofTask: task, of: predictor, into: slots)
    return (status, Array(labels), Array(probabilities), Array(selected))
  }

  @Test(arguments: [0, 1, 2, 5])
  func slotsHoldTheJSONAnswerAndTopList(topK: Int) throws {
    let model = try PredictionFormatterTests.singleLabelModel()
    let options = PredictionOptions(topK: topK)
    let formatter = try PredictionFormatter(model: model, options: options)
    for text in ["free prize now", "the team won the match", "see you at lunch"] {
      let (object, predictor) = try PredictionFormatterTests.line(
        text, model: model, options: options)
      for (task, name) in ["spam", "topic"].enumerated() {
        let answer = try PredictionFormatterTests.task(object, name)
        let labelNames = model.manifest.tasks[task].labels.labels
        let labelCount = labelNames.count
        let found = Self.slots(formatter, task: task, predictor: predictor)
        #expect(found.status == .answered)
        #expect(found.labels.count == 1 + min(topK, labelCount))
        #expect(labelNames[Int(found.labels[0])] == answer["label"] as? String)
        let probability = try #require(answer["probability"] as? Double)
        #expect(abs(Double(found.probabilities[0]) - probability) <= 5e-6)
        let top = answer["top"] as? [[String: Any]] ?? []
        #expect(top.count == found.labels.count - 1)
        for (rank, entry) in top.enumerated() {
          #expect(labelNames[Int(found.labels[rank + 1])] == entry["label"] as? String)
        }
      }
    }
  }

  @Test func noKnownTokensAndBelowMinimumAreStatuses() throws {
    let model = try PredictionFormatterTests.singleLabelModel()
    let options = PredictionOptions(topK: 2, minimumProbability: 0.9999)
    let formatter = try PredictionFormatter(model: model, options: options)
    let unknown = try PredictionFormatterTests.line("zzz qqq", model: model, options: options)
    let empty = Self.slots(formatter, task: 1, predictor: unknown.predictor)
    #expect(empty.status == .noKnownTokens)
    #expect(empty.labels.allSatisfy { $0 == -1 })
    #expect(empty.probabilities.allSatisfy { $0 == 0 })
    #expect(empty.selected.allSatisfy { $0 == 0 })

    let (object, predictor) = try PredictionFormatterTests.line(
      "the team", model: model, options: options)
    let below = Self.slots(formatter, task: 1, predictor: predictor)
    #expect(below.status == .belowMinimum)
    let candidate = try PredictionFormatterTests.task(object, "topic")["candidate"] as? String
    #expect(model.manifest.tasks[1].labels.labels[Int(below.labels[0])] == candidate)
    #expect(below.selected[0] == 0)
  }
}
