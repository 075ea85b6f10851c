import ArgumentParser
import Dispatch
import Foundation
import Logging
import MultiTaskTextServer

/// `mtl serve`: answers `mtl predict`'s objects over HTTP until SIGTERM or SIGINT.
struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve a model's predictions over HTTP (POST /v1/predict).",
    discussion: """
      Answers POST /v1/predict with {"predictions": [...]}, one mtl predict object per text; \
      GET /v1/model, /healthz, /readyz and /metrics. SIGHUP or POST /v1/admin/reload reads \
      the model again; SIGTERM or SIGINT drains in-flight requests and exits 0. See \
      docs/SERVING.md.
      """
  )

  enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case json, text
  }

  @Option(help: "The model file (.mtl).")
  var model: String

  @Option(help: "The address to bind; anything but loopback should have --api-key-file.")
  var host: String = "127.0.0.1"

  @Option(help: "The TCP port (0 for any free one).")
  var port: Int = 8080

  @Option(help: "Concurrent predictors (default: the number of cores).")
  var workers: Int?

  @Option(help: "Requests that may wait for a worker; one more is answered 503 with Retry-After.")
  var queueDepth: Int = 32

  @Option(help: "The most texts one request may carry.")
  var maxBatch: Int = 1024

  @Option(help: "The largest request body, in bytes.")
  var maxBodyBytes: Int = 8 * 1024 * 1024

  @Option(help: "A file whose first line is the key clients send as 'Authorization: Bearer KEY'.")
  var apiKeyFile: String?

  @Option(help: "Seconds in-flight requests may take to finish after SIGTERM or SIGINT.")
  var drainSeconds: Double = 10

  @Option(help: "Seconds a client may take to send its whole body.")
  var bodyTimeoutSeconds: Double = 10

  @Option(help: "Request log lines on standard error: json or text.")
  var logFormat: LogFormat = .json

  func validate() throws {
    if let workers, !(1...1024).contains(workers) {
      throw ValidationError("--workers must be 1 to 1024")
    }
    if !(0...100_000).contains(queueDepth) {
      throw ValidationError("--queue-depth must be 0 to 100000")
    }
    if maxBatch < 1 { throw ValidationError("--max-batch must be 1 or more") }
    if maxBodyBytes < 1 { throw ValidationError("--max-body-bytes must be 1 or more") }
    if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
    // Finite and at most a day: the server turns both into milliseconds.
    if !drainSeconds.isFinite || !(0...86_400).contains(drainSeconds) {
      throw ValidationError("--drain-seconds must be a number from 0 to 86400")
    }
    if !bodyTimeoutSeconds.isFinite || !(0.001...86_400).contains(bodyTimeoutSeconds) {
      throw ValidationError("--body-timeout-seconds must be a number from 0.001 to 86400")
    }
  }

  func run() throws {
    let configuration = ServerConfiguration(
      modelPath: model, host: host, port: port,
      workers: workers ?? ProcessInfo.processInfo.activeProcessorCount, queueDepth: queueDepth,
      maximumBatch: maxBatch,
      maximumBodyBytes: maxBodyBytes, apiKey: try readAPIKey(), drainSeconds: drainSeconds,
      bodyTimeoutSeconds: bodyTimeoutSeconds)
    let format = LineLogHandler.Format(rawValue: logFormat.rawValue) ?? .json
    let logger = Logger(label: "mtl.serve") { _ in
      LineLogHandler(format: format) { writeToStandardError($0, newline: false) }
    }
    let server: ModelServer
    do { server = try ModelServer(configuration: configuration, logger: logger) } catch {
      throw CommandFailure(error.description)
    }
    if !configuration.isLoopback && configuration.apiKey == nil {
      writeToStandardError(
        "Warning: serving on \(host) without --api-key-file; anyone who can reach the port "
          + "can use it")
    }
    let summary = server.summary
    let host = host
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        try await server.run(handlesSignals: true) { port in
          writeToStandardError("mtl serve: listening on http://\(host):\(port)\n\(summary)")
        }
      } catch {
        outcome.record(error)
      }
      done.signal()
    }
    done.wait()
    if let error = outcome.error { throw CommandFailure("\(error)") }
  }

  private func readAPIKey() throws -> String? {
    guard let apiKeyFile else { return nil }
    let text: String
    do { text = try String(contentsOfFile: apiKeyFile, encoding: .utf8) } catch {
      throw CommandFailure("\(apiKeyFile): cannot read the API key: \(error.localizedDescription)")
    }
    let found: (key: String, trimmed: Bool)
    do { found = try APIKeyFile.key(from: text, path: apiKeyFile) } catch {
      throw CommandFailure(error.description)
    }
    if found.trimmed {
      writeToStandardError(
        "Note: \(apiKeyFile): ignored the spaces around the key; clients send it without them")
    }
    return found.key
  }
}

/// The error the server task ended with, handed back to the waiting main thread.
private final class Outcome: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: (any Error)?

  var error: (any Error)? { lock.withLock { stored } }
  func record(_ error: any Error) { lock.withLock { stored = error } }
}
