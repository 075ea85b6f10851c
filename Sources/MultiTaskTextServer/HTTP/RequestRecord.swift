import Hummingbird
import Logging
import Synchronization

/// What the handling of one request has learned so far: how many texts it carried, and
/// whether its body was read to the end.
struct RequestProgress: Sendable {
  var texts = 0
  var bodyRead = false
}

/// The one log line and metrics sample of a request, written when its answer has been
/// handed to the connection, or has failed to be, so the log says what really happened.
///
/// A record whose answer was never written (the connection closed before the head went
/// out) writes its line when it is released.
final class RequestRecord: Sendable {
  private struct Fields: Sendable {
    var method: String
    var path: String
    var route: String
    var status: Int
    var texts: Int
    var cutByShutdown: Bool
  }

  private let fields: Fields
  private let start: ContinuousClock.Instant
  private let logger: Logger
  private let metrics: ServerMetrics
  private let tally: RequestTally
  private let written = Mutex<Bool?>(nil)

  init(
    request: Request, route: String, status: Int, texts: Int, cutByShutdown: Bool,
    start: ContinuousClock.Instant, logger: Logger, metrics: ServerMetrics, tally: RequestTally
  ) {
    fields = Fields(
      method: request.method.rawValue, path: request.uri.path, route: route, status: status,
      texts: texts, cutByShutdown: cutByShutdown)
    self.start = start
    self.logger = logger
    self.metrics = metrics
    self.tally = tally
  }

  /// `response` with a body that writes the original and then this record.
  func wrapping(_ response: Response) -> Response {
    var response = response
    let original = response.body
    response.body = ResponseBody(contentLength: original.contentLength) { [self] writer in
      do {
        try await original.write(writer)
        finish(written: true)
      } catch {
        finish(written: false)
        throw error
      }
    }
    return response
  }

  /// Writes the log line and the metrics sample, once.
  func finish(written answerWritten: Bool) {
    let first = written.withLock { state in
      defer { state = state ?? answerWritten }
      return state == nil
    }
    guard first else { return }
    let duration = ContinuousClock.now - start
    metrics.recordRequest(route: fields.route, status: fields.status, duration: duration)
    tally.finish(cutByShutdown: fields.cutByShutdown)
    var metadata: Logger.Metadata = [
      "method": "\(fields.method)", "path": "\(fields.path)", "status": "\(fields.status)",
      "duration_ms": "\((duration.seconds * 1_000_000).rounded() / 1_000)",
      "texts": "\(fields.texts)",
    ]
    if !answerWritten { metadata["written"] = "false" }
    logger.log(level: answerWritten ? .info : .warning, "request", metadata: metadata)
  }

  deinit { finish(written: false) }
}
