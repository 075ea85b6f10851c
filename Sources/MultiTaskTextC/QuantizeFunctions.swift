import CMultiTaskText
import MultiTaskText

// Quantization: `mtl_quantize` in multitasktext.h.

/// `mtl_quantize`: quantizes a float model file into `output_path` like `mtl quantize MODEL
/// --output OUTPUT --quiet`, with the same ``QuantizationPlan``, so the bytes are the same.
///
/// Warnings `mtl quantize` prints (labels of the retraining data the model does not know, a
/// result above the target size) are not printed: the host can read the manifest's record.
@_cdecl("mtl_quantize")
public func mtlQuantize(
  _ modelPath: UnsafePointer<CChar>?, _ outputPath: UnsafePointer<CChar>?,
  _ options: UnsafePointer<mtl_quantize_options>?
) -> Int32 {
  withStatus {
    guard let modelPath else { throw CFailure.invalidArgument("model_path must not be NULL") }
    guard let outputPath else { throw CFailure.invalidArgument("output_path must not be NULL") }
    let request = try quantizationRequest(options?.pointee ?? mtl_quantize_options())
    try QuantizationCall(
      modelPath: String(cString: modelPath), outputPath: String(cString: outputPath),
      request: request
    ).run()
  }
}

/// The request the options describe, checked as `mtl quantize` checks its arguments. Zero
/// means the default for `cutoff` (every row), `dsub`, `bits` (product quantization),
/// `epochs` (5) and `learning_rate` (0.1).
private func quantizationRequest(_ options: mtl_quantize_options) throws -> QuantizationRequest {
  let format = try CStringArguments.corpusFormat(options.input_format, name: "input_format")
  let job = QuantizationJob(
    targetSize: CStringArguments.optional(options.target_size),
    cutoff: options.cutoff == 0 ? nil : Int(options.cutoff),
    subvectorDimension: options.dsub == 0 ? nil : Int(options.dsub),
    quantizeNorms: options.qnorm != 0, bits: options.bits == 0 ? nil : Int(options.bits),
    retrain: options.retrain != 0, epochs: options.epochs == 0 ? 5 : Int(options.epochs),
    learningRate: options.learning_rate == 0 ? 0.1 : options.learning_rate,
    seed: options.has_seed != 0 ? options.seed : nil)
  let request = QuantizationRequest(
    job: job, configurationPath: CStringArguments.optional(options.config),
    trainFiles: try CStringArguments.array(
      options.train_files, count: options.train_file_count, name: "train_files",
      countName: "train_file_count"),
    trainFormat: format, skipInvalid: options.skip_invalid != 0)
  try request.check()
  return request
}

/// One `mtl_quantize` call: read the model, plan, quantize (and retrain), write atomically.
struct QuantizationCall {
  /// The float model file.
  var modelPath: String
  /// Where the quantized model goes.
  var outputPath: String
  /// What to do.
  var request: QuantizationRequest

  /// Quantizes and writes the model; the output is untouched on any failure.
  func run() throws {
    let model = try ModelFile.read(path: modelPath)
    let configuration = try CStringArguments.configuration(request.configurationPath)
    let plan = try request.plan(for: model, modelPath: modelPath, configuration: configuration)
    try OutputCheck.check(outputs: [outputPath], inputs: plan.inputs(modelPath: modelPath))
    let quantized = try plan.run(model, modelPath: modelPath)
    try ModelFile.write(quantized, to: outputPath)
  }
}
