import Foundation
import Hummingbird
import Logging
import MultiTaskText
import NIOPosix

/// What each route does, given the served model.
struct Endpoints: Sendable {
  let slot: ModelSlot
  let metrics: ServerMetrics
  let logger: Logger
  let maximumBatch: Int
  let bodyReader: BodyReader
  let queue: PredictionQueue

  /// `POST /v1/predict`: one `mtl predict` object per text, in order.
  ///
  /// The request takes a place in the queue before its body is read, reads the body on
  /// the event loop, and hands everything else to a prediction thread.
  func predict(
    _ request: Request, context: ServerRequestContext, progress: inout RequestProgress
  ) async throws(ServerError) -> Response {
    let contentType = request.headers[.contentType]
    guard let contentType, Self.isJSON(contentType) else {
      throw .unsupportedContentType(contentType)
    }
    if let encoding = request.headers[.contentEncoding],
      encoding.trimmingCharacters(in: .whitespaces).lowercased() != "identity"
    {
      throw .unsupportedContentEncoding(encoding)
    }
    try bodyReader.checkAnnouncedLength(of: request)
    let place = try queue.admit()
    let body = try await bodyReader.read(request)
    progress.bodyRead = true
    let client = await context.clientWatch()
    let job = PredictionJob(body: body, served: slot.model, maximumBatch: maximumBatch)
    let answer = try await queue.run(holding: place, client: client) { stopReason in
      job.run(stopReason: stopReason)
    }.get()
    progress.texts = answer.texts
    metrics.recordDocuments(answer.texts)
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: answer.buffer))
  }

  static func isJSON(_ contentType: String) -> Bool {
    let mediaType = contentType.split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    return mediaType == "application/json"
  }

  /// `GET /v1/model`.
  func describeModel() -> Response {
    JSONResponse.encoding(ModelDescription(slot.model))
  }

  /// `POST /v1/admin/reload` and SIGHUP: reads the file again; on failure, whatever it
  /// is, the old model keeps serving and the answer (422) says why.
  ///
  /// The file is read on a thread of NIO's shared pool, so a large model does not hold up
  /// the threads that answer probes.
  func reload(reason: String) async -> Response {
    let previous = slot.model.checksumText
    let slot = slot
    let outcome: Result<LoadedModel, ServerError>
    do {
      outcome = try await NIOThreadPool.singleton.runIfActive {
        Result { () throws(ServerError) in try slot.reload() }
      }
    } catch {
      outcome = .failure(.modelUnavailable("\(slot.path): the reload did not run: \(error)"))
    }
    switch outcome {
    case .success(let fresh):
      metrics.recordReload(.loaded)
      metrics.recordModel(checksum: fresh.checksumText, previous: previous)
      logger.notice(
        "model reloaded",
        metadata: [
          "trigger": "\(reason)", "path": "\(fresh.path)", "checksum": "\(fresh.checksumText)",
          "previous": "\(previous)",
        ])
      return JSONResponse.encoding(["status": "reloaded", "checksum": fresh.checksumText])
    case .failure(.reloadInProgress):
      // Not a refusal: the reload already running decides what serves.
      metrics.recordReload(.alreadyRunning)
      return JSONResponse.error(.reloadInProgress)
    case .failure(let error):
      metrics.recordReload(.refused)
      logger.error(
        "model reload refused; the previous model keeps serving",
        metadata: [
          "trigger": "\(reason)", "checksum": "\(previous)", "error": "\(error.description)",
        ])
      return JSONResponse.error(error)
    }
  }
}
