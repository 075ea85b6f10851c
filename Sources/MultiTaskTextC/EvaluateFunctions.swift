import CMultiTaskText
import MultiTaskText

// Evaluation: `mtl_evaluate` in multitasktext.h.

/// `mtl_evaluate`: evaluates a model file like `mtl eval --format json`, with the same
/// ``EvaluationPlan``, and returns the report JSON.
///
/// Warnings `mtl eval` prints (a task left out) are not printed: the report lists the tasks
/// it evaluated.
@_cdecl("mtl_evaluate")
public func mtlEvaluate(
  _ modelPath: UnsafePointer<CChar>?, _ options: UnsafePointer<mtl_evaluate_options>?,
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ outLength: UnsafeMutablePointer<UInt64>?
) -> Int32 {
  withStatus {
    guard let modelPath else { throw CFailure.invalidArgument("model_path must not be NULL") }
    guard let out else { throw CFailure.invalidArgument("out must not be NULL") }
    let request = try evaluationRequest(options?.pointee ?? mtl_evaluate_options())
    let path = String(cString: modelPath)
    let bytes = try EvaluationCall(modelPath: path, request: request).run()
    try OutputBuffer.deliver(bytes, to: out, length: outLength)
  }
}

/// The request the options describe, checked as `mtl eval` checks its arguments.
private func evaluationRequest(
  _ options: mtl_evaluate_options
) throws -> EvaluationRequest {
  let format = try CStringArguments.corpusFormat(options.input_format, name: "input_format")
  let request = EvaluationRequest(
    configurationPath: CStringArguments.optional(options.config),
    taskFiles: try CStringArguments.array(
      options.task_files, count: options.task_file_count, name: "task_files",
      countName: "task_file_count"),
    format: format, textColumn: CStringArguments.optional(options.text_column),
    labelColumn: CStringArguments.optional(options.label_column),
    noHeader: options.no_header != 0, skipInvalid: options.skip_invalid != 0)
  try request.check()
  return request
}

/// One `mtl_evaluate` call: read the model and the configuration, plan, evaluate, render.
struct EvaluationCall {
  /// The model file.
  var modelPath: String
  /// What to evaluate on.
  var request: EvaluationRequest

  /// The report as `mtl eval --format json` writes it.
  func run() throws -> [UInt8] {
    let model = try ModelFile.read(path: modelPath)
    let configuration = try CStringArguments.configuration(request.configurationPath)
    let plan = try EvaluationPlan(
      request, model: model, modelPath: modelPath, configuration: configuration)
    let report = try plan.evaluate(
      model, modelPath: modelPath, version: String(cString: mtl_version()))
    return try ReportFormat.json.render(report, colors: false)
  }
}
