import Hummingbird
import MultiTaskText

/// What `POST /v1/predict` does on a prediction thread: decode the body, check it, and
/// write every text's `mtl predict` object into one buffer.
///
/// All of it runs off the event loops: decoding 8 MB of JSON and predicting a long text
/// are each work that would otherwise stall every other connection.
struct PredictionJob: Sendable {
  let body: [UInt8]
  let served: LoadedModel
  let maximumBatch: Int

  /// The answer's bytes and how many texts it holds.
  struct Answer: Sendable {
    var buffer: ByteBuffer
    var texts: Int
  }

  /// Runs the job; `stopReason` is asked between texts and ends the work when it answers.
  func run(stopReason: () -> ServerError?) -> Result<Answer, ServerError> {
    do throws(ServerError) {
      let parsed = try PredictRequest.decode(body)
      guard parsed.texts.count <= maximumBatch else {
        throw .batchTooLarge(count: parsed.texts.count, limit: maximumBatch)
      }
      let options = try parsed.options()
      let formatter: PredictionFormatter
      do { formatter = try PredictionFormatter(model: served.model, options: options) } catch {
        switch error {
        case .unknownTask(let name, let known): throw .unknownTask(name, known: known)
        }
      }
      let buffer = try served.pool.withPredictor(
        { (worker) throws(ServerError) in
          try Self.predict(parsed.texts, with: worker, formatter: formatter, stopReason: stopReason)
            .get()
        },
        unavailable: { .modelUnavailable("\(served.path): no predictor could be made: \($0)") })
      return .success(Answer(buffer: buffer, texts: parsed.texts.count))
    } catch {
      return .failure(error)
    }
  }

  /// Runs every text through the worker's predictor into its reused buffer.
  static func predict(
    _ texts: [String], with worker: PooledPredictor, formatter: PredictionFormatter,
    stopReason: () -> ServerError?
  ) -> Result<ByteBuffer, ServerError> {
    let explain = formatter.options.explain > 0
    worker.output.removeAll(keepingCapacity: true)
    worker.output.append(contentsOf: #"{"predictions":["#.utf8)
    for (index, text) in texts.enumerated() {
      if let reason = stopReason() { return .failure(reason) }
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
}
