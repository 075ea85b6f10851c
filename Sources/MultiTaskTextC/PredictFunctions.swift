import CMultiTaskText
import MultiTaskText

// Predicting batches: `mtl_predict_json` and `mtl_predict_probabilities` in multitasktext.h.

/// `mtl_predict_json`: the JSON lines `mtl predict` prints for a batch of documents.
///
/// The lines come from the library's ``PredictionFormatter``, the same type the CLI and the
/// server use, so they are byte-equal to `mtl predict`'s.
@_cdecl("mtl_predict_json")
public func mtlPredictJSON(
  _ model: OpaquePointer?, _ texts: UnsafePointer<CChar>?, _ offsets: UnsafePointer<UInt64>?,
  _ count: UInt64, _ options: UnsafePointer<mtl_predict_options>?,
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ outLength: UnsafeMutablePointer<UInt64>?
) -> Int32 {
  withStatus {
    let handle = try ModelHandle.from(model)
    let batch = try DocumentBatch(texts: texts, offsets: offsets, count: count)
    let predictionOptions = try PredictionOptions(checking: options?.pointee)
    let formatter: PredictionFormatter
    do {
      formatter = try PredictionFormatter(model: handle.model, options: predictionOptions)
    } catch {
      throw CFailure(code: MTL_ERROR_INVALID_ARGUMENT, message: "\(handle.path): \(error)")
    }
    let explains = predictionOptions.explain > 0
    let parts = try handle.run(count: batch.count, threads: options?.pointee.threads ?? 1) {
      (pooled, documents) throws(CFailure) in
      pooled.output.removeAll(keepingCapacity: true)
      for index in documents {
        let document = batch.document(index)
        try runChecked(pooled.predictor, document, index: index)
        formatter.appendJSONLine(
          of: pooled.predictor, originalText: explains ? document : nil, to: &pooled.output)
      }
      return pooled.output
    }
    try OutputBuffer.deliver(concatenated(parts), to: out, length: outLength)
  }
}

/// `mtl_predict_probabilities`: one task's probabilities for a batch, row-major.
@_cdecl("mtl_predict_probabilities")
public func mtlPredictProbabilities(
  _ model: OpaquePointer?, _ texts: UnsafePointer<CChar>?, _ offsets: UnsafePointer<UInt64>?,
  _ count: UInt64, _ task: Int32, _ threads: Int32,
  _ probabilities: UnsafeMutablePointer<Float>?
) -> Int32 {
  withStatus {
    let handle = try ModelHandle.from(model)
    let batch = try DocumentBatch(texts: texts, offsets: offsets, count: count)
    let taskIndex = try handle.checkTask(task)
    guard let probabilities else {
      throw CFailure.invalidArgument("probabilities must not be NULL")
    }
    let width = handle.labelNames[taskIndex].count
    _ = try handle.run(count: batch.count, threads: threads) {
      (pooled, documents) throws(CFailure) in
      for index in documents {
        try runChecked(pooled.predictor, batch.document(index), index: index)
        pooled.predictor.withProbabilities(ofTask: taskIndex) { values in
          let row = probabilities + index * width
          for label in 0..<min(width, values.count) { row[label] = values[label] }
        }
      }
    }
  }
}

/// The chunks' answers end to end, copied once.
private func concatenated(_ parts: [[UInt8]]) -> [UInt8] {
  if parts.count == 1 { return parts[0] }
  var joined: [UInt8] = []
  joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
  for part in parts { joined.append(contentsOf: part) }
  return joined
}

/// Runs one document, naming it by its index in the batch when its text is rejected, as
/// `mtl predict` names the file and line.
func runChecked(
  _ predictor: Predictor, _ document: UnsafeRawBufferPointer, index: Int
) throws(CFailure) {
  do { try predictor.run(document) } catch {
    throw CFailure(code: MTL_ERROR_TEXT, message: "document \(index): \(error)")
  }
}

extension PredictionOptions {
  /// The options of a C struct, checked as `mtl predict` checks its flags, with its messages.
  init(checking options: mtl_predict_options?) throws(CFailure) {
    self.init()
    guard let options else { return }
    if options.top_k < 0 {
      throw .invalidArgument("--top-k must be 0 or more, found \(options.top_k)")
    }
    if options.explain < 0 {
      throw .invalidArgument("--explain must be 0 or more, found \(options.explain)")
    }
    var minimum: Float?
    if options.has_min_probability != 0 {
      guard (0...1).contains(options.min_probability) else {
        throw .invalidArgument(
          "--min-probability must be between 0 and 1, found \(options.min_probability)")
      }
      minimum = options.min_probability
    }
    self.init(
      topK: Int(options.top_k), explain: Int(options.explain), minimumProbability: minimum,
      tasks: options.tasks.map { String(cString: $0).split(separator: ",").map(String.init) })
  }
}
