import AsyncHTTPClient
import Foundation
import Logging
import MultiTaskText
import MultiTaskTextTestSupport
import NIOCore
import Testing

@testable import MultiTaskTextServer

/// A real server on an ephemeral loopback port, with a tiny model trained for the test and
/// an HTTP client to talk to it.
/// Unchecked: the temporary directory is only read after set-up, and removed at the end.
final class ServerHarness: @unchecked Sendable {
  let directory: TemporaryDirectory
  let modelPath: String
  let port: Int
  let client: HTTPClient
  let server: ModelServer
  let lines: LogLines
  private let task: Task<Void, any Error>

  static let examples: [Example] = [
    Example(text: "win a free prize now", labels: ["spam": "spam", "topic": "money"]),
    Example(text: "claim your free cash prize", labels: ["spam": "spam", "topic": "money"]),
    Example(text: "urgent free entry win", labels: ["spam": "spam"]),
    Example(text: "see you at lunch tomorrow", labels: ["spam": "ham", "topic": "social"]),
    Example(text: "can you send the slides", labels: ["spam": "ham", "topic": "work"]),
    Example(text: "lunch tomorrow with the team", labels: ["spam": "ham", "topic": "social"]),
    Example(text: "the report is due friday", labels: ["topic": "work"]),
    Example(text: "the budget meeting moved", labels: ["topic": "work"]),
    Example(text: "bank transfer fee refund", labels: ["topic": "money"]),
  ]

  /// A small two-task model; `epochs` varies it so reloads change the checksum.
  static func trainModel(epochs: Int = 30) throws -> MultiTaskModel {
    var training = TrainingConfiguration()
    training.epochs = epochs
    let trainer = Trainer(
      tasks: [TrainingTask(name: "spam"), TrainingTask(name: "topic")],
      features: FeatureConfiguration(buckets: 1_000), model: ModelConfiguration(dimension: 8),
      training: training)
    return try trainer.train(examples: examples)
  }

  init(
    apiKey: String? = nil, maximumBatch: Int = 16, maximumBodyBytes: Int = 4096,
    workers: Int = 2, quantized: Bool = false
  ) async throws {
    directory = try TemporaryDirectory()
    modelPath = directory.url.appendingPathComponent("model.mtl").path
    let model = try Self.trainModel()
    try ModelFile.write(quantized ? try Quantizer().quantize(model) : model, to: modelPath)
    let lines = LogLines()
    self.lines = lines
    let logger = Logger(label: "test") { _ in
      LineLogHandler(format: .json) { lines.append($0) }
    }
    let configuration = ServerConfiguration(
      modelPath: modelPath, port: 0, workers: workers, maximumBatch: maximumBatch,
      maximumBodyBytes: maximumBodyBytes, apiKey: apiKey, drainSeconds: 2,
      bodyTimeoutSeconds: 0.5)
    let server = try ModelServer(configuration: configuration, logger: logger)
    self.server = server
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    task = Task {
      try await server.run(handlesSignals: false) { port in continuation.yield(port) }
    }
    var iterator = ports.makeAsyncIterator()
    port = try #require(await iterator.next())
    client = HTTPClient(eventLoopGroupProvider: .singleton)
  }

  /// Stops the client and the server.
  func stop() async throws {
    try await client.shutdown()
    task.cancel()
    _ = await task.result
  }

  /// The HTTP methods the tests send.
  enum Method: String, Sendable {
    case get = "GET"
    case post = "POST"
  }

  struct Answer {
    var status: Int
    var body: String
    var headers: [(String, String)]

    func json() throws -> [String: Any] {
      try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    /// The error object's code, for failures.
    var errorCode: String? {
      ((try? json())?["error"] as? [String: Any])?["code"] as? String
    }
  }

  /// Sends one request and reads the whole answer.
  func send(
    _ method: Method = .get, _ path: String, body: [UInt8]? = nil,
    contentType: String? = "application/json", headers: [(String, String)] = []
  ) async throws -> Answer {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
    request.method = .init(rawValue: method.rawValue)
    if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
    let response = try await client.execute(request, timeout: .seconds(10))
    let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
    return Answer(
      status: Int(response.status.code), body: String(buffer: bytes),
      headers: response.headers.map { ($0.name, $0.value) })
  }

  /// `POST /v1/predict` with a JSON body.
  func predict(_ object: [String: Any], headers: [(String, String)] = []) async throws -> Answer {
    let data = try JSONSerialization.data(withJSONObject: object)
    return try await send(.post, "/v1/predict", body: Array(data), headers: headers)
  }
}

/// Log lines a test server wrote.
final class LogLines: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []

  func append(_ line: String) { lock.withLock { stored.append(line) } }
  var all: [String] { lock.withLock { stored } }
}
