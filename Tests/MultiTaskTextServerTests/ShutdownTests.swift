import Foundation
import MultiTaskText
import MultiTaskTextTestSupport
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

    init(model: String, drainSeconds: Int = 5, extra: [String] = []) throws {
      process.executableURL = try MTLExecutable.url()
      process.arguments =
        [
          "serve", "--model", model, "--port", "0", "--drain-seconds", "\(drainSeconds)",
          "--body-timeout-seconds", "5", "--log-format", "text", "--workers", "1",
        ] + extra
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
    try ModelFile.write(try ServerHarness.defaultModel.get(), to: model)
    let running = try Running(model: model)
    let port = try await running.port()
    let client = HTTPTestClient(port: port)
    // A request whose body takes about two seconds to arrive is in flight when SIGTERM
    // lands, well within the five seconds of drain.
    let pieces = Array(#"{"texts": ["free prize"]}"#.utf8).map { [$0] }
    let inFlight = Task {
      try await client.send(
        "POST", "/v1/predict", headers: [("Content-Type", "application/json")],
        body: .trickled(pieces: pieces, pause: .milliseconds(80)))
    }
    try await Task.sleep(for: .milliseconds(800))
    kill(running.process.processIdentifier, SIGTERM)
    let response = try await inFlight.value
    #expect(response.status == 200)
    #expect(response.body.hasPrefix(#"{"predictions":[{"spam":"#))
    #expect(try await running.waitForExit(seconds: 8) == 0, "\(running.standardError)")
  }

  @Test func sighupReloadsTheModelFile() async throws {
    let directory = try TemporaryDirectory()
    let model = directory.url.appendingPathComponent("model.mtl").path
    try ModelFile.write(try ServerHarness.defaultModel.get(), to: model)
    let running = try Running(model: model)
    let port = try await running.port()
    let client = HTTPTestClient(port: port)
    func checksum() async throws -> String? {
      try await client.send("GET", "/v1/model", timeout: .seconds(5)).json()["checksum"]
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
  }

  /// A request still predicting when the drain deadline passes is answered 503 (or its
  /// connection closed), the process exits right after the deadline, and the log says how
  /// many requests the deadline cut short.
  @Test func theDrainDeadlineCutsALongRequestAndTheLogSaysSo() async throws {
    let directory = try TemporaryDirectory()
    let model = directory.url.appendingPathComponent("model.mtl").path
    try ModelFile.write(try ServerHarness.defaultModel.get(), to: model)
    let running = try Running(
      model: model, drainSeconds: 1,
      extra: ["--max-batch", "100000", "--max-body-bytes", "\(64 << 20)"])
    let port = try await running.port()
    let client = HTTPTestClient(port: port)
    // 5,000 texts of 2 KB with explanations: seconds of work, far past the deadline. The
    // body is joined as text, which is cheap beside serializing it.
    let text = "\"" + String(repeating: "win a free prize at lunch tomorrow ", count: 60) + "\""
    let body = Array(
      (#"{"explain": 5, "texts": ["# + Array(repeating: text, count: 5_000).joined(separator: ",")
        + "]}").utf8)
    let inFlight = Task {
      try? await client.send(
        "POST", "/v1/predict", headers: [("Content-Type", "application/json")],
        body: .bytes(body), timeout: .seconds(60))
    }
    try await Task.sleep(for: .seconds(1))
    let signalled = ContinuousClock.now
    kill(running.process.processIdentifier, SIGTERM)
    let status = try await running.waitForExit(seconds: 10)
    let took = ContinuousClock.now - signalled
    #expect(status == 0, "\(running.standardError)")
    #expect(took < .seconds(3), "exited \(took) after SIGTERM")
    let answer = await inFlight.value
    #expect(answer == nil || answer?.status == 503, "\(answer?.body ?? "")")
    let log = running.standardError
    #expect(log.contains("shutting down: draining requests in flight"), "\(log)")
    #expect(log.contains("stopped: the drain deadline passed"), "\(log)")
    #expect(log.contains("cut_at_deadline=1"), "\(log)")
    #expect(log.contains("status=503"), "\(log)")
  }

  /// `--drain-seconds` and `--body-timeout-seconds` refuse values that are not finite.
  @Test(arguments: [
    ["--drain-seconds", "nan"], ["--drain-seconds", "inf"],
    ["--body-timeout-seconds", "inf"], ["--drain-seconds", "-1"],
  ])
  func nonFiniteDurationsAreRefused(_ flags: [String]) throws {
    let process = Process()
    process.executableURL = try MTLExecutable.url()
    process.arguments = ["serve", "--model", "/nonexistent.mtl", "--port", "0"] + flags
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 64, "\(text)")
    #expect(text.contains(flags[0]), "\(text)")
  }
}
