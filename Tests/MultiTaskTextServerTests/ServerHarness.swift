import Foundation
import Logging
import MultiTaskText
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskTextServer

/// A real server on an ephemeral loopback port, with a tiny model trained for the test and
/// an HTTP client to talk to it.
///
/// Unchecked: the temporary directory is only read after set-up, and removed at the end.
final class ServerHarness: @unchecked Sendable {
  let directory: TemporaryDirectory
  let modelPath: String
  let port: Int
  let client: HTTPTestClient
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

  /// The default model, trained once for every test: training is deterministic, and
  /// training it again in every test would keep the threads the servers need busy.
  static let defaultModel = Result { try trainModel() }

  /// A small two-task model; `epochs` varies it so reloads change the checksum.
  static func trainModel(epochs: Int = 30) throws -> MultiTaskModel {
    var training = TrainingConfiguration()
    training.epochs = epochs
    let trainer = Trainer(
      tasks: [TaskSpecification(name: "spam"), TaskSpecification(name: "topic")],
      features: FeatureConfiguration(buckets: 1_000), model: ModelConfiguration(dimension: 8),
      training: training)
    return try trainer.train(examples: examples)
  }

  init(
    apiKey: String? = nil, maximumBatch: Int = 16, maximumBodyBytes: Int = 4096,
    workers: Int = 2, queueDepth: Int = 32, bodyTimeoutSeconds: Double = 0.5,
    quantized: Bool = false
  ) async throws {
    directory = try TemporaryDirectory()
    modelPath = directory.url.appendingPathComponent("model.mtl").path
    let model = try Self.defaultModel.get()
    try ModelFile.write(quantized ? try Quantizer().quantize(model) : model, to: modelPath)
    let lines = LogLines()
    self.lines = lines
    let logger = Logger(label: "test") { _ in
      LineLogHandler(format: .json) { lines.append($0) }
    }
    let configuration = ServerConfiguration(
      modelPath: modelPath, port: 0, workers: workers, queueDepth: queueDepth,
      maximumBatch: maximumBatch, maximumBodyBytes: maximumBodyBytes, apiKey: apiKey,
      drainSeconds: 2, bodyTimeoutSeconds: bodyTimeoutSeconds)
    let server = try ModelServer(configuration: configuration, logger: logger)
    self.server = server
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    task = Task {
      try await server.run(handlesSignals: false) { port in continuation.yield(port) }
    }
    var iterator = ports.makeAsyncIterator()
    port = try #require(await iterator.next())
    client = HTTPTestClient(port: port)
  }

  /// Stops the server.
  func stop() async throws {
    task.cancel()
    _ = await task.result
  }

  /// The HTTP methods the tests send.
  enum Method: String, Sendable {
    case get = "GET"
    case post = "POST"
  }

  /// Sends one request and reads the whole answer.
  func send(
    _ method: Method = .get, _ path: String, body: [UInt8]? = nil,
    contentType: String? = "application/json", headers: [(String, String)] = []
  ) async throws -> HTTPTestClient.Answer {
    try await client.send(
      method.rawValue, path, json: body, contentType: contentType, headers: headers)
  }

  /// `POST /v1/predict` with a JSON body.
  func predict(_ object: [String: Any], headers: [(String, String)] = []) async throws
    -> HTTPTestClient.Answer
  {
    let data = try JSONSerialization.data(withJSONObject: object)
    return try await send(.post, "/v1/predict", body: Array(data), headers: headers)
  }
}

extension HTTPTestClient.Answer {
  /// The body as a JSON object.
  func json() throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(bodyBytes)) as? [String: Any])
  }

  /// The error object's code, for failures.
  var errorCode: String? {
    ((try? json())?["error"] as? [String: Any])?["code"] as? String
  }
}

/// Log lines a test server wrote.
final class LogLines: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []

  func append(_ line: String) { lock.withLock { stored.append(line) } }
  var all: [String] { lock.withLock { stored } }
}
