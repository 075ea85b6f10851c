import Foundation
import MultiTaskText
import Testing

/// A quantized model serves like any: the server loads it and answers what `mtl predict`
/// prints for it.
struct QuantizedModelTests {
  @Test func aQuantizedModelAnswersLikeMTLPredict() async throws {
    let harness = try await ServerHarness(quantized: true)
    let loaded = try ModelFile.read(path: harness.modelPath)
    #expect(loaded.manifest.quantization?.method == "product")
    let texts = PredictionEqualityTests.texts
    let printed = try MTLExecutable.output(
      ["predict", "--model", harness.modelPath, "--explain", "2"],
      input: texts.joined(separator: "\n") + "\n")
    let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == texts.count)
    let answer = try await harness.predict(["texts": texts, "explain": 2])
    #expect(answer.status == 200, "\(answer.body)")
    #expect(answer.body == #"{"predictions":["# + lines.joined(separator: ",") + "]}")
    let description = try await harness.send(.get, "/v1/model")
    let quantization = try #require(try description.json()["quantization"] as? [String: Any])
    #expect(quantization["method"] as? String == "product")
    try await harness.stop()
  }
}
