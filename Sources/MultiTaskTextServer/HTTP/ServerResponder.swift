import Hummingbird
import Logging

/// Routes every request, checks access, and writes the one log line and metrics sample each
/// request gets.
///
/// Routing is a switch rather than a router so that a known path with the wrong method is a
/// 405 with an `Allow` header, and every failure has the JSON error shape.
struct ServerResponder: HTTPResponder {
  typealias Context = ServerRequestContext

  let endpoints: Endpoints
  let apiKey: APIKey?
  let metrics: ServerMetrics
  let logger: Logger
  let tally: RequestTally

  /// The routes: path, allowed method, and whether the API key applies.
  enum Route: String, CaseIterable {
    case predict = "/v1/predict"
    case model = "/v1/model"
    case reload = "/v1/admin/reload"
    case health = "/healthz"
    case ready = "/readyz"
    case metrics = "/metrics"

    var method: HTTPRequest.Method {
      switch self {
      case .predict, .reload: return .post
      case .model, .health, .ready, .metrics: return .get
      }
    }

    /// Probes stay open so a load balancer needs no key.
    var needsKey: Bool { self != .health && self != .ready }
  }

  func respond(to request: Request, context: Context) async throws -> Response {
    let start = ContinuousClock.now
    tally.start()
    let route = Route(rawValue: request.uri.path)
    var progress = RequestProgress()
    var response: Response
    var failure: ServerError?
    do throws(ServerError) {
      response = try await answer(request, route: route, context: context, progress: &progress)
    } catch {
      failure = error
      response = JSONResponse.error(error)
    }
    if let failure, Self.closesConnection(failure, request: request, progress: progress) {
      response.headers[.connection] = "close"
    }
    let record = RequestRecord(
      request: request, route: route?.rawValue ?? "unknown", status: response.status.code,
      texts: progress.texts, cutByShutdown: failure == .shuttingDown, start: start,
      logger: logger, metrics: metrics, tally: tally)
    if failure == .clientGone {
      // Nobody reads this answer; the record says so now rather than after a failed write.
      record.finish(written: false)
    }
    return record.wrapping(response)
  }

  /// Whether an error answer ends the connection: when part of the body may still be on
  /// its way (the client is told so and sees the stream end), or when the server is
  /// refusing work.
  static func closesConnection(
    _ error: ServerError, request: Request, progress: RequestProgress
  ) -> Bool {
    switch error {
    case .bodyTooLarge, .bodyTimedOut, .overloaded, .shuttingDown, .clientGone: return true
    default:
      let announced = request.headers[.contentLength].flatMap(Int.init) ?? 0
      let hasBody = announced > 0 || request.headers[.transferEncoding] != nil
      return hasBody && !progress.bodyRead
    }
  }

  private func answer(
    _ request: Request, route: Route?, context: Context, progress: inout RequestProgress
  ) async throws(ServerError) -> Response {
    guard let route else { throw .notFound(path: request.uri.path) }
    let allowed = route.method == .get ? [HTTPRequest.Method.get, .head] : [route.method]
    guard allowed.contains(request.method) else {
      throw .methodNotAllowed(
        method: request.method.rawValue, allowed: allowed.map(\.rawValue))
    }
    if route.needsKey, let apiKey, !apiKey.accepts(authorization: request.headers[.authorization]) {
      throw .unauthorized
    }
    switch route {
    case .health: return JSONResponse.encoding(["status": "ok"])
    case .ready: return JSONResponse.encoding(["status": "ready"])
    case .model: return endpoints.describeModel()
    case .metrics:
      metrics.recordQueue(
        occupied: endpoints.queue.occupied, capacity: endpoints.queue.capacity)
      var headers = HTTPFields()
      headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
      return Response(
        status: .ok, headers: headers,
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.render())))
    case .reload: return await endpoints.reload(reason: "POST /v1/admin/reload")
    case .predict:
      return try await endpoints.predict(request, context: context, progress: &progress)
    }
  }
}
