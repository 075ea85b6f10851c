import ArgumentParser
import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

/// `mtl quantize`: a small model from a float one (FastText.zip's `fasttext quantize`).
struct Quantize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quantize",
    abstract: "Shrink a model: prune rows by norm, product-quantize or 8-bit the rest.",
    discussion: """
      Writes a quantized copy of MODEL to --output. By default every trained row is kept and \
      product-quantized with sub-vectors of 2 (--dsub) and 256 centroids each; --bits 8 \
      stores 8-bit rows instead. --cutoff N keeps the N rows of largest norm and drops the \
      words whose rows go. --target-size 4MB chooses the sub-vector width and cutoff that fit. \
      --retrain then refits the heads on the quantized rows with the training data: the \
      files of --config, or --train. The quantized model predicts, evaluates, explains and \
      serves like any model; its manifest records how it was made.
      """
  )

  @Argument(help: "The float model file (.mtl).")
  var model: String

  @Option(help: "Where to write the quantized model.")
  var output: String

  @Option(help: ArgumentHelp("The size to fit, such as 4MB, 800kB or 3MiB.", valueName: "size"))
  var targetSize: String?

  @Option(help: ArgumentHelp("Keep only the N rows of largest norm.", valueName: "n"))
  var cutoff: Int?

  @Option(
    help: ArgumentHelp(
      "The width of each product-quantized sub-vector (default 2).", valueName: "n"))
  var dsub: Int?

  @Flag(help: "Quantize each row's norm apart from its direction (product quantization).")
  var qnorm = false

  @Option(
    help: ArgumentHelp("Store rows with 8 bits per value instead of product codes.", valueName: "8")
  )
  var bits: Int?

  // Retraining, and its data.
  @Flag(help: "Refit the heads on the quantized rows (needs --config or --train).")
  var retrain = false
  @Option(help: "A configuration whose tasks' training files to retrain on.")
  var config: String?
  @Option(
    name: .customLong("train"),
    help: ArgumentHelp(
      "A training file to retrain on: FILE for a single-task model, or name=FILE; repeat for "
        + "several tasks.", valueName: "[name=]file"))
  var trainFiles: [String] = []
  @Option(
    name: .customLong("input-format"),
    help: ArgumentHelp(
      "The format of the --train files: jsonl, csv, tsv or fasttext (default: from the "
        + "extension).", valueName: "format"))
  var trainFormat: CorpusFormat?
  @Option(help: ArgumentHelp("Epochs of retraining.", valueName: "n"))
  var epochs = 5
  @Option(help: ArgumentHelp("The initial learning rate of retraining.", valueName: "rate"))
  var learningRate = 0.1
  @Option(help: "The seed of the k-means and of retraining (default: the model's training seed).")
  var seed: UInt64?
  @Flag(help: "Skip malformed records of the retraining files.")
  var skipInvalid = false

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  /// The request these options make, checked by the library as the C API's is.
  private var request: QuantizationRequest {
    let job = QuantizationJob(
      targetSize: targetSize, cutoff: cutoff, subvectorDimension: dsub, quantizeNorms: qnorm,
      bits: bits, retrain: retrain, epochs: epochs, learningRate: learningRate, seed: seed)
    return QuantizationRequest(
      job: job, configurationPath: config, trainFiles: trainFiles, trainFormat: trainFormat,
      skipInvalid: skipInvalid)
  }

  func validate() throws {
    do throws(QuantizationRequestError) { try request.check() } catch {
      throw ValidationError(error.description)
    }
  }

  func run() throws {
    // Nothing is written until the very end, so a signal ends the run at once till then.
    Interruption.enter(.exitAtOnce, message: "Error: interrupted; nothing was written\n")
    let floatModel = try ModelFile.read(path: model)
    let configuration = try config.map { try RunConfiguration.load(path: $0).pipeline }
    let plan = try request.plan(for: floatModel, modelPath: model, configuration: configuration)
    try OutputCheck.check(outputs: [output], inputs: plan.inputs(modelPath: model))
    let quantized = try plan.run(
      floatModel, modelPath: model,
      onStatistics: { statistics in
        let warnings = CorpusWarnings()
        warnings.record(statistics)
        warnings.emit()
      },
      onWarning: { writeToStandardError("mtl: warning: \($0)") })
    try Interruption.whileWriting { try ModelFile.write(quantized, to: output) }
    let written = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
    let original = (try? FileManager.default.attributesOfItem(atPath: model)[.size] as? Int) ?? 0
    if let targetBytes = request.job.targetBytes, written > targetBytes {
      writeToStandardError(
        "mtl: warning: \(output) is \(ByteCount.text(written)), above the target "
          + "\(ByteCount.text(targetBytes))")
    }
    if !quiet, let record = quantized.manifest.quantization {
      try OutputWriter.writeSummary(
        "wrote \(output): \(ByteCount.text(written)) (from \(ByteCount.text(original))); "
          + "\(record.summary); \(record.wordsKept) of \(record.wordsBefore) words\n")
    }
  }
}
