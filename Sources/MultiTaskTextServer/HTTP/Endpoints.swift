import Foundation
import Hummingbird
import Logging
import MultiTaskText

/// What each route does, given the served model.
struct Endpoints: Sendable {
  let slot: ModelSlot
  let metrics: ServerMetrics
  let logger: Logger
  let maximumBatch: Int
  let bodyReader: BodyReader

  /// `POST /v1/predict`: one `mtl predict` object per text, in order.
  func predict(_ request: Request, texts count: inout Int) async throws(ServerError) -> Response {
    let contentType = request.headers[.contentType]
    guard let contentType, Self.isJSON(contentType) else {
      throw .unsupportedContentType(contentType)
    }
    let body = try await bodyReader.read(request)
    let parsed = try PredictRequest.decode(body)
    count = parsed.texts.count
    guard parsed.texts.count <= maximumBatch else {
      throw .batchTooLarge(count: parsed.texts.count, limit: maximumBatch)
    }
    let options = try parsed.options()
    let served = slot.model
    let formatter: PredictionFormatter
    do { formatter = try PredictionFormatter(model: served.model, options: options) } catch {
      switch error {
      case .unknownTask(let name, let known): throw .unknownTask(name, known: known)
      }
    }
    let answer = await served.pool.withWorker { worker in
      Self.predict(parsed.texts, with: worker, formatter: formatter)
    }
    let buffer = try answer.get()
    metrics.recordDocuments(parsed.texts.count)
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: buffer))
  }

  /// Runs every text through the worker's predictor into its reused buffer.
  static func predict(
    _ texts: [String], with worker: Worker, formatter: PredictionFormatter
  ) -> Result<ByteBuffer, ServerError> {
    let explain = formatter.options.explain > 0
    worker.output.removeAll(keepingCapacity: true)
    worker.output.append(contentsOf: #"{"predictions":["#.utf8)
    for (index, text) in texts.enumerated() {
      if index > 0 { worker.output.append(UInt8(ascii: ",")) }
      var text = text
      let failure: TextError? = text.withUTF8 { utf8 -> TextError? in
        let bytes = UnsafeRawBufferPointer(utf8)
        do throws(TextError) { try worker.predictor.run(bytes) } catch { return error }
        formatter.appendJSONLine(
          of: worker.predictor, originalText: explain ? bytes : nil, to: &worker.output)
        return nil
      }
      if let failure {
        return .failure(.invalidValue(path: "$.texts[\(index)]", problem: failure.description))
      }
      // The formatter ends each object with the newline `mtl predict` writes.
      worker.output.removeLast()
    }
    worker.output.append(contentsOf: "]}".utf8)
    return .success(ByteBuffer(bytes: worker.output))
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

  /// `POST /v1/admin/reload` and SIGHUP: reads the file again; on failure the old model
  /// keeps serving and the answer says why.
  func reload(reason: String) -> Response {
    let previous = slot.model.checksumText
    do {
      let fresh = try slot.reload()
      metrics.recordReload(failed: false)
      metrics.recordModel(checksum: fresh.checksumText, previous: previous)
      logger.notice(
        "model reloaded",
        metadata: [
          "trigger": "\(reason)", "path": "\(fresh.path)", "checksum": "\(fresh.checksumText)",
          "previous": "\(previous)",
        ])
      return JSONResponse.encoding(["status": "reloaded", "checksum": fresh.checksumText])
    } catch {
      metrics.recordReload(failed: true)
      logger.error(
        "model reload refused; the previous model keeps serving",
        metadata: [
          "trigger": "\(reason)", "checksum": "\(previous)", "error": "\(error.description)",
        ])
      return JSONResponse.error(error)
    }
  }
}
