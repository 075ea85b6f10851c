import Foundation
import Testing

/// Every row of the issue's error table: the status, the JSON error shape and its code.
struct ErrorResponseTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var method: ServerHarness.Method = .post
    var path = "/v1/predict"
    var body: [UInt8]?
    var contentType: String? = "application/json"
    var headers: [(String, String)] = []
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
    Case(
      name: "topK beyond any integer", body: Array(#"{"texts": ["a"], "topK": 1e30}"#.utf8),
      status: 400, code: "invalid_value", mentions: "$.topK: must be a whole number"),
    Case(
      name: "explain not whole", body: Array(#"{"texts": ["a"], "explain": 2.5}"#.utf8),
      status: 400, code: "invalid_value", mentions: "$.explain: must be a whole number"),
    Case(
      name: "minProbability beyond a float",
      body: Array(#"{"texts": ["a"], "minProbability": 1e300}"#.utf8), status: 400,
      code: "invalid_value", mentions: "$.minProbability: must be between 0 and 1"),
    Case(
      name: "empty task list", body: Array(#"{"texts": ["a"], "tasks": []}"#.utf8), status: 400,
      code: "invalid_value", mentions: "$.tasks: names no task"),
    Case(
      name: "gzip body", body: [0x1F, 0x8B, 0x08, 0x00, 0x00],
      headers: [("Content-Encoding", "gzip")],
      status: 415, code: "unsupported_media_type", mentions: "Content-Encoding gzip"),
  ]

  @Test(arguments: cases) func answersWithTheStatusAndCode(_ row: Case) async throws {
    let harness = try await ServerHarness()
    let answer = try await harness.send(
      row.method, row.path, body: row.body, contentType: row.contentType, headers: row.headers)
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

  /// A body sent a few bytes at a time, slower than the body timeout, is answered 408 long
  /// before the whole body (five seconds of it) could have arrived.
  @Test func aClientThatTricklesItsBodyTimesOut() async throws {
    let harness = try await ServerHarness()
    let pieces = Array(#"{"texts": ["free prize"]}"#.utf8).map { [$0] }
    let started = ContinuousClock.now
    let status: Int
    do {
      status = try await harness.client.send(
        "POST", "/v1/predict", headers: [("Content-Type", "application/json")],
        body: .trickled(pieces: pieces, pause: .milliseconds(200))
      ).status
    } catch {
      // The server may close the connection while the client is still sending.
      status = 408
    }
    #expect(status == 408)
    #expect(ContinuousClock.now - started < .seconds(3))
    #expect(try await harness.send(.get, "/healthz").status == 200)
    try await harness.stop()
  }

  /// A chunked body announces no length; passing the limit as it arrives is still a 413,
  /// and the connection ends after the answer.
  @Test func aChunkedBodyOverTheLimitIs413() async throws {
    let harness = try await ServerHarness()
    let text = Array(repeating: UInt8(ascii: "a"), count: 1000)
    let pieces =
      [Array(#"{"texts": [""#.utf8)] + Array(repeating: text, count: 8)
      + [Array(#""]}"#.utf8)]
    let answer = try await harness.client.send(
      "POST", "/v1/predict", headers: [("Content-Type", "application/json")],
      body: .chunked(pieces), watchClose: true)
    #expect(answer.status == 413, "\(answer.body)")
    #expect(answer.errorCode == "body_too_large")
    #expect(answer.connectionClosed)
    let small = try await harness.client.send(
      "POST", "/v1/predict", headers: [("Content-Type", "application/json")],
      body: .chunked([Array(#"{"texts": "#.utf8), Array(#"["free prize"]}"#.utf8)]))
    #expect(small.status == 200, "\(small.body)")
    try await harness.stop()
  }

  /// A client still sending a body the server refused from its announced length sees the
  /// answer and the end of the connection, instead of sending into a server that waits.
  @Test func aRefusedBodyEndsTheConnectionWhileTheClientSends() async throws {
    let harness = try await ServerHarness()
    let started = ContinuousClock.now
    let answer = try await harness.client.send(
      "POST", "/v1/predict", headers: [("Content-Type", "application/json")],
      body: .bytes(Array(repeating: UInt8(ascii: " "), count: 4 << 20)), watchClose: true)
    #expect(answer.status == 413)
    #expect(answer.header("Connection")?.lowercased() == "close")
    #expect(answer.connectionClosed)
    #expect(ContinuousClock.now - started < .seconds(3))
    try await harness.stop()
  }
}
