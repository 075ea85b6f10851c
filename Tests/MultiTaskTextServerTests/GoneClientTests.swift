import Foundation
import Testing

/// Work whose client has gone is not computed: a request waiting behind a long one is
/// skipped, the long one stops before its next text, and both are logged as 499.
struct GoneClientTests {
  @Test func requestsOfClientsThatHungUpAreNotComputed() async throws {
    let harness = try await ServerHarness(
      maximumBatch: 2_000, maximumBodyBytes: 8 << 20, workers: 1, queueDepth: 2,
      bodyTimeoutSeconds: 20)
    let json = [("Content-Type", "application/json")]
    // Seconds of work with explanations: 2,000 texts of 3.5 KB.
    let text = "\"" + String(repeating: "win a free prize at lunch tomorrow ", count: 100) + "\""
    let long = Array(
      (#"{"explain": 5, "texts": ["# + Array(repeating: text, count: 2_000).joined(separator: ",")
        + "]}").utf8)
    try await harness.client.sendAndHangUp("POST", "/v1/predict", headers: json, body: long)
    try await harness.client.sendAndHangUp(
      "POST", "/v1/predict", headers: json, body: Array(#"{"texts": ["free prize"]}"#.utf8))
    var gone: [String] = []
    for _ in 0..<300 where gone.count < 2 {
      try await Task.sleep(for: .milliseconds(20))
      gone = harness.lines.all.filter { $0.contains(#""status":"499""#) }
    }
    #expect(gone.count == 2, "\(harness.lines.all)")
    #expect(gone.allSatisfy { $0.contains(#""written":"false""#) })
    let started = ContinuousClock.now
    let answer = try await harness.predict(["texts": ["free prize"]])
    #expect(answer.status == 200)
    // The long job stopped instead of holding the only worker for its whole batch.
    #expect(ContinuousClock.now - started < .seconds(3))
    let metrics = try await harness.send(.get, "/metrics").body
    #expect(metrics.contains("mtl_documents_predicted_total 1"), "\(metrics)")
    try await harness.stop()
  }
}
