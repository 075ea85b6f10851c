import AsyncHTTPClient
import Foundation
import MultiTaskText
import MultiTaskTextTestSupport
import NIOCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real `mtl serve` process: SIGTERM drains the request in flight and exits 0; SIGHUP
/// reloads.
struct ShutdownTests {
  final class Running: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var errorText = ""

    var standardError: String { lock.withLock { errorText } }

    init(model: String) throws {
      process.executableURL = try MTLExecutable.url()
      process.arguments = [
        "serve", "--model", model, "--port", "0", "--drain-seconds", "5",
        "--body-timeout-seconds", "5", "--log-format", "text", "--workers", "1",
      ]
      let pipe = Pipe()
      process.standardError = pipe
      process.standardOutput = FileHandle.nullDevice
      pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
        let text = String(decoding: handle.availableData, as: UTF8.self)
        self?.lock.withLock { self?.errorText += text }
      }
      try process.run()
    }

    /// The port from the `listening on` line.
    func port() async throws -> Int {
      for _ in 0..<200 {
        if let range = standardError.range(of: "listening on http://127.0.0.1:") {
          let digits = standardError[range.upperBound...].prefix { $0.isNumber }
          if let port = Int(digits) { return port }
        }
        try await Task.sleep(for: .milliseconds(50))
      }
      throw CancellationError()
    }

    func waitForExit(seconds: Double) async throws -> Int32? {
      let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
      while process.isRunning && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
      }
      return process.isRunning ? nil : process.terminationStatus
    }
  }

  @Test func sigtermDrainsTheRequestInFlightThenExitsZero() async throws {
    let directory = try TemporaryDirectory()
    let model = directory.url.appendingPathComponent("model.mtl").path
    try ModelFile.write(try ServerHarness.trainModel(), to: model)
    let running = try Running(model: model)
    let port = try await running.port()
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    // A request whose body takes about a second to arrive is in flight when SIGTERM lands.
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/predict")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    let pieces = Array(#"{"texts": ["free prize"]}"#.utf8).map { ByteBuffer(bytes: [$0]) }
    let trickle = AsyncStream<ByteBuffer> { continuation in
      let task = Task {
        for piece in pieces {
          continuation.yield(piece)
          try? await Task.sleep(for: .milliseconds(40))
        }
        continuation.finish()
      }
      continuation.onTermination = { _ in task.cancel() }
    }
    request.body = .stream(trickle, length: .known(Int64(pieces.count)))
    let inFlight = Task { try await client.execute(request, timeout: .seconds(10)) }
    try await Task.sleep(for: .milliseconds(300))
    kill(running.process.processIdentifier, SIGTERM)
    let response = try await inFlight.value
    #expect(response.status.code == 200)
    let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
    #expect(body.hasPrefix(#"{"predictions":[{"spam":"#))
    #expect(try await running.waitForExit(seconds: 8) == 0, "\(running.standardError)")
    try await client.shutdown()
  }

  @Test func sighupReloadsTheModelFile() async throws {
    let directory = try TemporaryDirectory()
    let model = directory.url.appendingPathComponent("model.mtl").path
    try ModelFile.write(try ServerHarness.trainModel(), to: model)
    let running = try Running(model: model)
    let port = try await running.port()
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    func checksum() async throws -> String? {
      let response = try await client.execute(
        HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/model"), timeout: .seconds(5))
      let data = Data(buffer: try await response.body.collect(upTo: 1 << 20))
      return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["checksum"]
        as? String
    }
    let before = try await checksum()
    try ModelFile.write(try ServerHarness.trainModel(epochs: 7), to: model)
    kill(running.process.processIdentifier, SIGHUP)
    var after = before
    for _ in 0..<100 where after == before {
      try await Task.sleep(for: .milliseconds(50))
      after = try await checksum()
    }
    #expect(after != before, "\(running.standardError)")
    #expect(running.standardError.contains("model reloaded"))
    kill(running.process.processIdentifier, SIGINT)
    #expect(try await running.waitForExit(seconds: 8) == 0, "\(running.standardError)")
    try await client.shutdown()
  }
}
