import CMultiTaskText
import MultiTaskText

// Predicting batches as numbers: `mtl_predict_slot_count` and `mtl_predict_labels` in
// multitasktext.h.

/// `mtl_predict_slot_count`: the slots one document's answer of task `task` takes in
/// `mtl_predict_labels` with `top_k`, or -1 (and the last error) for a bad argument.
@_cdecl("mtl_predict_slot_count")
public func mtlPredictSlotCount(_ model: OpaquePointer?, _ task: Int32, _ topK: Int32) -> Int32 {
  var count: Int32 = -1
  _ = withStatus {
    let handle = try ModelHandle.from(model)
    let taskIndex = try handle.checkTask(task)
    var options = mtl_predict_options()
    options.top_k = topK
    let formatter = try PredictionFormatter(
      model: handle.model, options: PredictionOptions(checking: options))
    count = Int32(formatter.slotCount(ofTask: taskIndex))
  }
  return count
}

/// `mtl_predict_labels`: the answers `mtl_predict_json` writes, as label indices and
/// probabilities in the caller's arrays, so a host builds its objects without parsing JSON.
///
/// The numbers come from ``PredictionFormatter/writeSlots(ofTask:of:into:)``, the same
/// formatter and predictor calls as the JSON lines, so both say the same thing.
@_cdecl("mtl_predict_labels")
public func mtlPredictLabels(
  _ model: OpaquePointer?, _ texts: UnsafePointer<CChar>?, _ offsets: UnsafePointer<UInt64>?,
  _ count: UInt64, _ options: UnsafePointer<mtl_predict_options>?,
  _ statuses: UnsafeMutablePointer<Int32>?, _ labels: UnsafeMutablePointer<Int32>?,
  _ probabilities: UnsafeMutablePointer<Float>?, _ selected: UnsafeMutablePointer<UInt8>?
) -> Int32 {
  withStatus {
    let handle = try ModelHandle.from(model)
    let batch = try DocumentBatch(texts: texts, offsets: offsets, count: count)
    let predictionOptions = try PredictionOptions(checking: options?.pointee)
    if predictionOptions.explain > 0 {
      throw CFailure.invalidArgument(
        "explain is not available as numbers; use mtl_predict_json for explanations")
    }
    let formatter: PredictionFormatter
    do {
      formatter = try PredictionFormatter(model: handle.model, options: predictionOptions)
    } catch {
      throw CFailure(code: MTL_ERROR_INVALID_ARGUMENT, message: "\(handle.path): \(error)")
    }
    guard let statuses else { throw CFailure.invalidArgument("statuses must not be NULL") }
    guard let labels else { throw CFailure.invalidArgument("labels must not be NULL") }
    guard let probabilities else {
      throw CFailure.invalidArgument("probabilities must not be NULL")
    }
    let tasks = formatter.taskIndices
    let widths = tasks.map { formatter.slotCount(ofTask: $0) }
    let width = widths.reduce(0, +)
    _ = try handle.run(count: batch.count, threads: options?.pointee.threads ?? 1) {
      (pooled, documents) throws(CFailure) in
      for index in documents {
        try runChecked(pooled.predictor, batch.document(index), index: index)
        var slot = index * width
        for (position, task) in tasks.enumerated() {
          let answer = AnswerSlots(
            labels: labels + slot, probabilities: probabilities + slot,
            selected: selected.map { $0 + slot })
          let status = formatter.writeSlots(ofTask: task, of: pooled.predictor, into: answer)
          statuses[index * tasks.count + position] = status.rawValue
          slot += widths[position]
        }
      }
    }
  }
}
