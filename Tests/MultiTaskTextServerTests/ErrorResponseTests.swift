import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// Every row of the issue's error table: the status, the JSON error shape and its code.
struct ErrorResponseTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var method: ServerHarness.Method = .post
    var path = "/v1/predict"
    var body: [UInt8]?
    var contentType: String? = "application/json"
    var status: Int
    var code: String
    /// A piece of the message, such as the JSON path.
    var mentions: String? = nil

    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "invalid JSON", body: Array("{\"texts\": [".utf8), status: 400, code: "invalid_json"),
    Case(
      name: "missing texts", body: Array(#"{"topK": 1}"#.utf8), status: 400, code: "invalid_json",
      mentions: "$.texts"),
    Case(
      name: "texts not an array", body: Array(#"{"texts": "free"}"#.utf8), status: 400,
      code: "invalid_json", mentions: "$.texts"),
    Case(
      name: "a text not a string", body: Array(#"{"texts": ["free", 3]}"#.utf8), status: 400,
      code: "invalid_json", mentions: "$.texts[1]"),
    Case(
      name: "topK not an integer", body: Array(#"{"texts": ["a"], "topK": "2"}"#.utf8),
      status: 400, code: "invalid_json", mentions: "$.topK"),
    Case(
      name: "negative topK", body: Array(#"{"texts": ["a"], "topK": -1}"#.utf8), status: 400,
      code: "invalid_value", mentions: "$.topK"),
    Case(
      name: "invalid UTF-8",
      body: Array(#"{"texts": [""#.utf8) + [0xC3, 0x28] + Array(#""]}"#.utf8),
      status: 400, code: "invalid_utf8"),
    Case(
      name: "body over the limit",
      body: Array(#"{"texts": [""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 5000)
        + Array(#""]}"#.utf8), status: 413, code: "body_too_large"),
    Case(
      name: "batch over the limit",
      body: Array(
        ("{\"texts\": [" + Array(repeating: "\"a\"", count: 17).joined(separator: ",") + "]}").utf8),
      status: 413, code: "batch_too_large"),
    Case(
      name: "wrong content type", body: Array(#"{"texts": ["a"]}"#.utf8), contentType: "text/plain",
      status: 415, code: "unsupported_media_type"),
    Case(
      name: "no content type", body: Array(#"{"texts": ["a"]}"#.utf8), contentType: nil,
      status: 415, code: "unsupported_media_type"),
    Case(
      name: "unknown task", body: Array(#"{"texts": ["a"], "tasks": ["sentiment"]}"#.utf8),
      status: 400, code: "unknown_task", mentions: "sentiment"),
    Case(name: "wrong method", method: .get, status: 405, code: "method_not_allowed"),
    Case(
      name: "wrong method on a GET route", method: .post, path: "/healthz", body: [], status: 405,
      code: "method_not_allowed"),
    Case(name: "unknown path", method: .get, path: "/v2/predict", status: 404, code: "not_found"),
  ]

  @Test(arguments: cases) func answersWithTheStatusAndCode(_ row: Case) async throws {
    let harness = try await ServerHarness()
    let answer = try await harness.send(
      row.method, row.path, body: row.body, contentType: row.contentType)
    #expect(answer.status == row.status, "\(answer.body)")
    #expect(answer.errorCode == row.code, "\(answer.body)")
    let error = try #require(try answer.json()["error"] as? [String: Any])
    let message = try #require(error["message"] as? String)
    if let mentions = row.mentions { #expect(message.contains(mentions), "\(message)") }
    if row.status == 405 {
      #expect(answer.headers.contains { $0.0.lowercased() == "allow" })
    }
    // The server is still up and answering after each bad request.
    #expect(try await harness.send(.get, "/healthz").status == 200)
    try await harness.stop()
  }

  /// A body sent a few bytes at a time, slower than the body timeout, is answered 408.
  @Test func aClientThatTricklesItsBodyTimesOut() async throws {
    let harness = try await ServerHarness()
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(harness.port)/v1/predict")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    let pieces = Array(#"{"texts": ["free prize"]}"#.utf8).map { ByteBuffer(bytes: [$0]) }
    let trickle = AsyncStream<ByteBuffer> { continuation in
      let task = Task {
        for piece in pieces {
          continuation.yield(piece)
          try? await Task.sleep(for: .milliseconds(100))
          if Task.isCancelled { break }
        }
        continuation.finish()
      }
      continuation.onTermination = { _ in task.cancel() }
    }
    request.body = .stream(trickle, length: .known(Int64(pieces.count)))
    let started = ContinuousClock.now
    let status: Int
    do {
      let response = try await harness.client.execute(request, timeout: .seconds(10))
      status = Int(response.status.code)
    } catch {
      // The server may close the connection while the client is still sending.
      status = 408
    }
    #expect(status == 408)
    #expect(ContinuousClock.now - started < .seconds(2))
    #expect(try await harness.send(.get, "/healthz").status == 200)
    try await harness.stop()
  }
}
