import Foundation
import MultiTaskText
import MultiTaskTextTestSupport
import Testing

/// Probes answer while predictions run, a full queue answers 503 with Retry-After, and every
/// request read ends in a result, 408, 413 or 503. A reduced form of the load in
/// `Benchmarks/serve_load.py`: loopback only, bounded counts and time.
struct ResponsivenessTests {
  static let json = [("Content-Type", "application/json")]

  /// A request body of one text of `bytes` bytes of words.
  static func body(textBytes bytes: Int, explain: Int = 0) -> [UInt8] {
    let words = ["free", "prize", "lunch", "tomorrow", "budget", "meeting", "bank", "fee"]
    var text = ""
    text.reserveCapacity(bytes + 16)
    var index = 0
    while text.utf8.count < bytes {
      text += words[index % words.count] + " "
      index += 1
    }
    return Array(#"{"explain": \#(explain), "texts": ["\#(text)"]}"#.utf8)
  }

  @Test func aFullQueueAnswers503WithRetryAfter() async throws {
    let harness = try await ServerHarness(workers: 1, queueDepth: 0, bodyTimeoutSeconds: 5)
    let client = harness.client
    // The first request holds the only place while its body trickles in.
    let pieces = Array(#"{"texts": ["free prize"]}"#.utf8).map { [$0] }
    let first = Task {
      try await client.send(
        "POST", "/v1/predict", headers: Self.json,
        body: .trickled(pieces: pieces, pause: .milliseconds(40)))
    }
    // Wait until the first request holds the place, as /metrics shows.
    var held = false
    for _ in 0..<200 where !held {
      try await Task.sleep(for: .milliseconds(20))
      held = try await harness.send(.get, "/metrics").body.contains(
        "mtl_prediction_queue_requests 1")
    }
    #expect(held)
    let refused = try await client.send(
      "POST", "/v1/predict", headers: Self.json, body: .bytes(Self.body(textBytes: 20)),
      watchClose: true)
    #expect(refused.status == 503, "\(refused.body)")
    #expect(refused.errorCode == "overloaded")
    #expect(refused.header("Retry-After") == "1")
    #expect(refused.connectionClosed)
    #expect(try await harness.send(.get, "/healthz").status == 200)
    #expect(try await first.value.status == 200)
    #expect(try await harness.predict(["texts": ["free prize"]]).status == 200)
    try await harness.stop()
  }

  /// Two clients ask for explanations of long texts and twelve send large bodies, while a
  /// probe asks for /healthz every 100 ms; no probe waits a second. The server is a real
  /// `mtl serve` process, so the other tests running in this process do not share its
  /// threads.
  @Test func probesAnswerWithinASecondUnderLoad() async throws {
    let directory = try TemporaryDirectory()
    let model = directory.url.appendingPathComponent("model.mtl").path
    try ModelFile.write(try ServerHarness.defaultModel.get(), to: model)
    let running = try ShutdownTests.Running(
      model: model,
      extra: ["--queue-depth", "4", "--max-body-bytes", "\(1 << 20)", "--max-batch", "1024"])
    defer { running.process.terminate() }
    let client = HTTPTestClient(port: try await running.port())
    // Bodies are made before the probe starts, so the probe times the server, not the test.
    let explained = Self.body(textBytes: 500_000, explain: 5)
    let large = Self.body(textBytes: 900_000)
    let oversized = Self.body(textBytes: (1 << 20) + 1000)
    let probe = BlockingProbe(port: client.port)
    let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<2 {
        group.addTask {
          try await client.send(
            "POST", "/v1/predict", headers: Self.json,
            body: .bytes(explained), timeout: .seconds(120)
          ).status
        }
      }
      for index in 0..<12 {
        // Two of them send more than the limit.
        let body = index < 2 ? oversized : large
        group.addTask {
          try await client.send(
            "POST", "/v1/predict", headers: Self.json, body: .bytes(body), timeout: .seconds(120)
          ).status
        }
      }
      return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    let (slowest, failures, probes) = await probe.stop()
    #expect(statuses.count == 14)
    #expect(Set(statuses).isSubset(of: [200, 408, 413, 503]), "\(statuses)")
    #expect(statuses.filter { $0 == 413 }.count == 2, "\(statuses)")
    #expect(statuses.contains(200), "\(statuses)")
    #expect(probes > 5)
    #expect(failures == 0)
    #expect(slowest < 1, "the slowest of \(probes) probes took \(slowest) s; statuses \(statuses)")
  }
}
