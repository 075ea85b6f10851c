import Hummingbird

/// Every way a request can fail, each with its HTTP status and a stable code clients can
/// switch on; the message says what to change.
public enum ServerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The body is not JSON, or a field is missing or has the wrong type; `path` is the JSON
  /// path of the problem, such as `$.texts[2]`.
  case invalidJSON(path: String, problem: String)
  /// A text is not valid UTF-8.
  case invalidUTF8(path: String)
  /// A field has a value outside its range, such as a negative `topK`.
  case invalidValue(path: String, problem: String)
  /// `tasks` names a task the model lacks.
  case unknownTask(String, known: [String])
  /// The body is larger than `--max-body-bytes`.
  case bodyTooLarge(limit: Int)
  /// The request carries more texts than `--max-batch`.
  case batchTooLarge(count: Int, limit: Int)
  /// The body is not `application/json`.
  case unsupportedContentType(String?)
  /// The body is compressed (`Content-Encoding: gzip` and the like); the server reads only
  /// plain bodies.
  case unsupportedContentEncoding(String)
  /// The path exists but not for this method.
  case methodNotAllowed(method: String, allowed: [String])
  /// No such path.
  case notFound(path: String)
  /// The API key is missing or wrong.
  case unauthorized
  /// The client did not send its body in time.
  case bodyTimedOut(seconds: Double)
  /// The model file could not be read or is damaged.
  case modelUnavailable(String)
  /// Another reload is reading the model file.
  case reloadInProgress
  /// Every place in the prediction queue is taken; the client should retry shortly.
  case overloaded(capacity: Int)
  /// The server is shutting down and the drain deadline passed before the answer was ready.
  case shuttingDown
  /// The client closed its connection before the answer was ready; nobody reads this
  /// answer, but the log records it (as nginx's 499).
  case clientGone

  /// The HTTP status the error is answered with.
  public var status: HTTPResponse.Status {
    switch self {
    case .invalidJSON, .invalidUTF8, .invalidValue, .unknownTask: return .badRequest
    case .bodyTooLarge, .batchTooLarge: return .contentTooLarge
    case .unsupportedContentType, .unsupportedContentEncoding: return .unsupportedMediaType
    case .methodNotAllowed: return .methodNotAllowed
    case .notFound: return .notFound
    case .unauthorized: return .unauthorized
    case .bodyTimedOut: return .requestTimeout
    case .modelUnavailable: return .unprocessableContent
    case .reloadInProgress: return .conflict
    case .overloaded, .shuttingDown: return .serviceUnavailable
    case .clientGone: return .init(code: 499, reasonPhrase: "Client Closed Request")
    }
  }

  /// The stable, machine-readable code.
  public var code: String {
    switch self {
    case .invalidJSON: return "invalid_json"
    case .invalidUTF8: return "invalid_utf8"
    case .invalidValue: return "invalid_value"
    case .unknownTask: return "unknown_task"
    case .bodyTooLarge: return "body_too_large"
    case .batchTooLarge: return "batch_too_large"
    case .unsupportedContentType, .unsupportedContentEncoding: return "unsupported_media_type"
    case .methodNotAllowed: return "method_not_allowed"
    case .notFound: return "not_found"
    case .unauthorized: return "unauthorized"
    case .bodyTimedOut: return "body_timeout"
    case .modelUnavailable: return "model_unavailable"
    case .reloadInProgress: return "reload_in_progress"
    case .overloaded: return "overloaded"
    case .shuttingDown: return "shutting_down"
    case .clientGone: return "client_gone"
    }
  }

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .invalidJSON(let path, let problem): return "\(path): \(problem)"
    case .invalidUTF8(let path): return "\(path): the text is not valid UTF-8"
    case .invalidValue(let path, let problem): return "\(path): \(problem)"
    case .unknownTask(let name, let known):
      return "the model has no task \"\(name)\"; its tasks are "
        + known.map { "\"\($0)\"" }.joined(separator: ", ")
    case .bodyTooLarge(let limit): return "the body is larger than \(limit) bytes"
    case .batchTooLarge(let count, let limit):
      return "\(count) texts is more than the limit of \(limit) per request"
    case .unsupportedContentType(let found):
      return "the body must be application/json, found \(found ?? "no content type")"
    case .unsupportedContentEncoding(let encoding):
      return "the body is sent with Content-Encoding \(encoding); send it uncompressed, "
        + "as plain application/json"
    case .methodNotAllowed(let method, let allowed):
      return "\(method) is not allowed here; use \(allowed.joined(separator: " or "))"
    case .notFound(let path): return "no such endpoint: \(path)"
    case .unauthorized: return "missing or wrong API key (send Authorization: Bearer KEY)"
    case .bodyTimedOut(let seconds): return "the body did not arrive within \(seconds) seconds"
    case .modelUnavailable(let problem): return problem
    case .reloadInProgress: return "another reload is in progress"
    case .overloaded(let capacity):
      return "the server is busy: all \(capacity) places for predictions are taken; "
        + "retry after the Retry-After seconds"
    case .shuttingDown:
      return "the server is shutting down and the answer was not ready within --drain-seconds"
    case .clientGone: return "the client closed the connection before the answer was ready"
    }
  }
}
