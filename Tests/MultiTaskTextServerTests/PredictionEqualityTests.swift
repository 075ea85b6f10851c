import Foundation
import Testing

/// `POST /v1/predict` answers, object for object, the bytes `mtl predict` prints.
struct PredictionEqualityTests {
  static let texts = [
    "win a free prize now", "see you at lunch tomorrow", "Ünïcödé text, with “quotes”",
    "", "zzz qqq", "the BUDGET meeting moved to friday", "bank \"transfer\" \\ fee\ttab",
  ]

  struct Options: CustomTestStringConvertible, Sendable {
    var flags: [String]
    var body: [String: any Sendable]
    var testDescription: String { flags.isEmpty ? "defaults" : flags.joined(separator: " ") }
  }

  static let options: [Options] = [
    Options(flags: [], body: [:]),
    Options(flags: ["--top-k", "2"], body: ["topK": 2]),
    Options(flags: ["--explain", "3"], body: ["explain": 3]),
    Options(flags: ["--tasks", "topic"], body: ["tasks": ["topic"]]),
    Options(flags: ["--min-probability", "0.9"], body: ["minProbability": 0.9]),
    Options(
      flags: ["--top-k", "3", "--explain", "2", "--tasks", "spam,topic"],
      body: ["topK": 3, "explain": 2, "tasks": ["spam", "topic"]]),
  ]

  @Test(arguments: options) func objectsAreByteEqualToMTLPredict(_ options: Options) async throws {
    let harness = try await ServerHarness()
    let printed = try MTLExecutable.output(
      ["predict", "--model", harness.modelPath] + options.flags,
      input: Self.texts.joined(separator: "\n") + "\n")
    let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == Self.texts.count)
    var body: [String: Any] = ["texts": Self.texts]
    for (key, value) in options.body { body[key] = value }
    let answer = try await harness.predict(body)
    #expect(answer.status == 200, "\(answer.body)")
    #expect(answer.body == #"{"predictions":["# + lines.joined(separator: ",") + "]}")
    try await harness.stop()
  }
}
