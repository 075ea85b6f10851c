import Foundation
import MultiTaskText
import Testing

/// Reloading swaps models between requests: none fails, and a broken file is refused.
struct ReloadTests {
  @Test func reloadUnderConcurrentLoadFailsNoRequest() async throws {
    let harness = try await ServerHarness()
    let before = try await harness.send(.get, "/v1/model").json()["checksum"] as? String
    let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
      for client in 0..<8 {
        group.addTask {
          var seen: [Int] = []
          for request in 0..<40 {
            let answer = try await harness.predict([
              "texts": ["win a free prize \(client) \(request)", "lunch tomorrow"], "topK": 2,
            ])
            seen.append(answer.status)
          }
          return seen
        }
      }
      group.addTask {
        var seen: [Int] = []
        for epochs in [5, 10, 15] {
          try await Task.sleep(for: .milliseconds(30))
          try ModelFile.write(try ServerHarness.trainModel(epochs: epochs), to: harness.modelPath)
          seen.append(try await harness.send(.post, "/v1/admin/reload", body: []).status)
        }
        return seen
      }
      return try await group.reduce(into: [Int]()) { $0 += $1 }
    }
    #expect(statuses.count == 8 * 40 + 3)
    #expect(statuses.allSatisfy { $0 == 200 }, "\(Set(statuses))")
    let after = try await harness.send(.get, "/v1/model").json()["checksum"] as? String
    #expect(after != before)
    let metrics = try await harness.send(.get, "/metrics").body
    #expect(metrics.contains(#"mtl_model_reloads_total{result="loaded"} 3"#))
    #expect(metrics.contains(#"mtl_model_info{checksum="\#(after ?? "")"} 1"#))
    #expect(!metrics.contains(#"checksum="\#(before ?? "")""#))
    try await harness.stop()
  }

  @Test(arguments: ["damaged", "truncated", "missing"])
  func aBrokenFileIsRefusedAndTheOldModelKeepsServing(_ damage: String) async throws {
    let harness = try await ServerHarness()
    let before = try await harness.predict(["texts": ["win a free prize"]])
    let checksum = try await harness.send(.get, "/v1/model").json()["checksum"] as? String
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: harness.modelPath)))
    switch damage {
    case "damaged": bytes[bytes.count / 2] ^= 0xFF
    case "truncated": bytes.removeLast(bytes.count / 3)
    default: bytes = []
    }
    if damage == "missing" {
      try FileManager.default.removeItem(atPath: harness.modelPath)
    } else {
      try Data(bytes).write(to: URL(fileURLWithPath: harness.modelPath))
    }
    let reload = try await harness.send(.post, "/v1/admin/reload", body: [])
    #expect(reload.status == 422, "\(reload.body)")
    #expect(reload.errorCode == "model_unavailable")
    #expect(
      reload.body.contains(harness.modelPath.split(separator: "/").last.map(String.init) ?? ""))
    let after = try await harness.predict(["texts": ["win a free prize"]])
    #expect(after.status == 200)
    #expect(after.body == before.body)
    #expect(try await harness.send(.get, "/v1/model").json()["checksum"] as? String == checksum)
    let metrics = try await harness.send(.get, "/metrics").body
    #expect(metrics.contains("mtl_model_reload_failed 1"))
    #expect(metrics.contains(#"mtl_model_reloads_total{result="refused"} 1"#))
    #expect(harness.lines.all.contains { $0.contains("model reload refused") })
    try await harness.stop()
  }
}
