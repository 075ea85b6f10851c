import Hummingbird
import Logging

/// Routes every request, checks access, and writes the one log line and metrics sample each
/// request gets.
///
/// Routing is a switch rather than a router so that a known path with the wrong method is a
/// 405 with an `Allow` header, and every failure has the JSON error shape.
struct ServerResponder: HTTPResponder {
  typealias Context = BasicRequestContext

  let endpoints: Endpoints
  let apiKey: APIKey?
  let metrics: ServerMetrics
  let logger: Logger

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
    let route = Route(rawValue: request.uri.path)
    var texts = 0
    let response: Response
    do {
      response = try await answer(request, route: route, texts: &texts)
    } catch {
      response = JSONResponse.error(error)
    }
    let duration = ContinuousClock.now - start
    let routeName = route?.rawValue ?? "unknown"
    metrics.recordRequest(route: routeName, status: response.status.code, duration: duration)
    logger.info(
      "request",
      metadata: [
        "method": "\(request.method.rawValue)", "path": "\(request.uri.path)",
        "status": "\(response.status.code)",
        "duration_ms": "\((duration.seconds * 1_000_000).rounded() / 1_000)",
        "texts": "\(texts)",
      ])
    return response
  }

  private func answer(
    _ request: Request, route: Route?, texts: inout Int
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
      var headers = HTTPFields()
      headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
      return Response(
        status: .ok, headers: headers,
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.render())))
    case .reload: return endpoints.reload(reason: "POST /v1/admin/reload")
    case .predict:
      return try await endpoints.predict(request, texts: &texts)
    }
  }
}
