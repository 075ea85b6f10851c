import Foundation
import MultiTaskText
import Testing

@testable import MultiTaskTextServer

/// Every route answers, with the shapes docs/SERVING.md shows.
struct EndpointTests {
  @Test func probesAnswerOK() async throws {
    let harness = try await ServerHarness()
    let health = try await harness.send(.get, "/healthz")
    #expect(health.status == 200)
    #expect(try health.json()["status"] as? String == "ok")
    let ready = try await harness.send(.get, "/readyz")
    #expect(ready.status == 200)
    #expect(try ready.json()["status"] as? String == "ready")
    try await harness.stop()
  }

  @Test func modelDescribesTasksChecksumAndSettings() async throws {
    let harness = try await ServerHarness()
    let answer = try await harness.send(.get, "/v1/model")
    #expect(answer.status == 200)
    let object = try answer.json()
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: harness.modelPath)))
    let stored = bytes.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    #expect(object["checksum"] as? String == String(format: "%08x", stored))
    let tasks = try #require(object["tasks"] as? [[String: Any]])
    #expect(tasks.map { $0["name"] as? String } == ["spam", "topic"])
    #expect(tasks[0]["labels"] as? [String] == ["spam", "ham"] || tasks[0]["labels"] != nil)
    #expect(tasks[0]["type"] as? String == "singleLabel")
    #expect(object["icuVersion"] as? String == ICU.version)
    #expect(object["producer"] is String)
    #expect(object["trainedAt"] is String)
    #expect(object["features"] is [String: Any])
    #expect(object["normalizer"] != nil && object["tokenizer"] != nil)
    try await harness.stop()
  }

  @Test func predictAnswersEveryTextInOrder() async throws {
    let harness = try await ServerHarness()
    let answer = try await harness.predict(["texts": ["win a free prize", "lunch tomorrow"]])
    #expect(answer.status == 200)
    let predictions = try #require(try answer.json()["predictions"] as? [[String: Any]])
    #expect(predictions.count == 2)
    #expect((predictions[0]["spam"] as? [String: Any])?["label"] as? String == "spam")
    #expect((predictions[1]["spam"] as? [String: Any])?["label"] as? String == "ham")
    let empty = try await harness.predict(["texts": [String]()])
    #expect(empty.body == #"{"predictions":[]}"#)
    try await harness.stop()
  }

  @Test func metricsCountRequestsDocumentsAndTheModel() async throws {
    let harness = try await ServerHarness()
    _ = try await harness.predict(["texts": ["win a free prize", "lunch tomorrow"]])
    _ = try await harness.send(.get, "/nowhere")
    let answer = try await harness.send(.get, "/metrics")
    #expect(answer.status == 200)
    let text = answer.body
    #expect(text.contains(#"mtl_http_requests_total{route="/v1/predict",status="200"} 1"#))
    #expect(text.contains(#"mtl_http_requests_total{route="unknown",status="404"} 1"#))
    #expect(text.contains("mtl_http_request_duration_seconds_bucket"))
    #expect(text.contains("mtl_documents_predicted_total 2"))
    let checksum = try #require(try await harness.send(.get, "/v1/model").json()["checksum"])
    #expect(text.contains(#"mtl_model_info{checksum="\#(checksum)"} 1"#))
    #expect(text.contains("mtl_model_reload_failed 0"))
    try await harness.stop()
  }

  @Test func eachRequestLogsOneLineWithoutItsTexts() async throws {
    let harness = try await ServerHarness()
    _ = try await harness.predict(["texts": ["a secret message", "another secret"]])
    _ = try await harness.send(.get, "/healthz")
    let lines = harness.lines.all.filter { $0.contains("\"message\":\"request\"") }
    #expect(lines.count == 2)
    let first = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
    #expect(first["method"] == "POST")
    #expect(first["path"] == "/v1/predict")
    #expect(first["status"] == "200")
    #expect(first["texts"] == "2")
    #expect(first["duration_ms"].flatMap(Double.init) != nil)
    #expect(!harness.lines.all.joined().contains("secret"))
    try await harness.stop()
  }
}
