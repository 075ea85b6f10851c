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

  func validate() throws {
    if let bits, bits != 8 {
      throw ValidationError("--bits takes 8 (8-bit rows); without it rows are product-quantized")
    }
    if bits != nil && dsub != nil {
      throw ValidationError("--dsub is for product quantization; --bits 8 stores 8-bit rows")
    }
    if bits != nil && qnorm {
      throw ValidationError("--qnorm is for product quantization; --bits 8 stores 8-bit rows")
    }
    if let dsub, dsub < 1 { throw ValidationError("--dsub must be at least 1, found \(dsub)") }
    if let cutoff, cutoff < 1 {
      throw ValidationError("--cutoff must keep at least 1 row, found \(cutoff)")
    }
    if let targetSize {
      guard ByteCount.parse(targetSize) != nil else {
        throw ValidationError(
          "--target-size expects a size such as 4MB, 800kB or 3MiB, found \"\(targetSize)\"")
      }
      if cutoff != nil {
        throw ValidationError("--target-size chooses the cutoff; give one or the other")
      }
    }
    if !retrain && (config != nil || !trainFiles.isEmpty) {
      throw ValidationError("--config and --train give the data of --retrain; add --retrain")
    }
    if retrain && config == nil && trainFiles.isEmpty {
      throw ValidationError(
        "--retrain needs training data: --config FILE (its tasks' training files) or --train FILE")
    }
    if trainFormat != nil && trainFiles.isEmpty {
      throw ValidationError("--input-format describes --train files; give --train")
    }
    if !(1...HeadRetrainer.largestEpochCount).contains(epochs) {
      throw ValidationError(
        "--epochs must be between 1 and \(HeadRetrainer.largestEpochCount), found \(epochs)")
    }
    if !(learningRate > 0) || !learningRate.isFinite {
      throw ValidationError("--learning-rate must be above 0, found \(learningRate)")
    }
  }

  func run() throws {
    // Nothing is written until the very end, so a signal ends the run at once till then.
    Interruption.enter(.exitAtOnce, message: "Error: interrupted; nothing was written\n")
    let floatModel = try ModelFile.read(path: model)
    if let existing = floatModel.manifest.quantization {
      throw CommandFailure(
        "\(model): the model is already quantized (\(existing.summary)); quantize the float "
          + "model it came from")
    }
    var inputs = [(role: "model", path: model)]
    if let config { inputs.append((role: "configuration file", path: config)) }
    let sources = try retrainingSources(for: floatModel)
    for source in sources {
      inputs.append((role: "training file of task \"\(source.taskName)\"", path: source.path))
    }
    try OutputCheck.check(outputs: [output], inputs: inputs)
    let seed = seed ?? floatModel.manifest.training.seed
    let targetBytes = targetSize.flatMap(ByteCount.parse)
    var settings: QuantizationSettings
    do throws(QuantizationError) {
      if let targetBytes {
        let slack = 1024 + sources.reduce(0) { $0 + $1.path.utf8.count + 8 }
        let target = SizeTarget(
          bytes: targetBytes, subvectorDimensions: dsub.map { [$0] }, eightBit: bits != nil)
        settings = try target.settings(for: floatModel, seed: seed, manifestSlack: slack)
      } else {
        settings = QuantizationSettings(
          method: bits != nil ? .eightBit : .product(subvectorDimension: dsub ?? 2),
          quantizeNorms: qnorm, cutoff: cutoff, seed: seed)
      }
      if qnorm, case .product = settings.method { settings.quantizeNorms = true }
    } catch {
      throw CommandFailure("\(model): \(error)")
    }
    var quantized: MultiTaskModel
    do throws(QuantizationError) {
      quantized = try Quantizer(settings: settings).quantize(floatModel, targetBytes: targetBytes)
    } catch {
      throw CommandFailure("\(model): \(error)")
    }
    if retrain {
      let multiLabel = Set(floatModel.manifest.tasks.filter(\.isMultiLabel).map(\.name))
      let examples = try readExamples(sources, multiLabelTasks: multiLabel)
      do throws(QuantizationError) {
        let outcome = try HeadRetrainer(epochs: epochs, learningRate: learningRate, seed: seed)
          .retrain(quantized, on: examples, files: sources.map(\.path))
        quantized = outcome.model
        for (task, count) in outcome.unknownLabels.sorted(by: { $0.key < $1.key }) {
          writeToStandardError(
            "mtl: warning: \(count) labels of task \"\(task)\" in the retraining data are not "
              + "labels of the model; skipped")
        }
      } catch {
        throw CommandFailure("\(model): \(error)")
      }
    }
    try Interruption.whileWriting { try ModelFile.write(quantized, to: output) }
    let written = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
    let original = (try? FileManager.default.attributesOfItem(atPath: model)[.size] as? Int) ?? 0
    if let targetBytes, written > targetBytes {
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

  /// The training files to retrain on, one per task, from `--train` or the configuration.
  private func retrainingSources(for model: MultiTaskModel) throws -> [CorpusSource] {
    guard retrain else { return [] }
    let names = model.manifest.tasks.map(\.name)
    var sources: [CorpusSource] = []
    if let config {
      let configuration = try RunConfiguration.load(path: config).pipeline
      for task in configuration.tasks where names.contains(task.name) {
        var source = task.train
        source.taskName = task.name
        sources.append(source)
      }
      if sources.isEmpty {
        throw CommandFailure(
          "\(config) does not describe this model: none of its tasks is a task of \(model) ("
            + names.map { "\"\($0)\"" }.joined(separator: ", ") + ")")
      }
    }
    for entry in trainFiles {
      let task: String
      let path: String
      if let equals = entry.firstIndex(of: "="), !FileManager.default.fileExists(atPath: entry) {
        task = String(entry[..<equals])
        path = String(entry[entry.index(after: equals)...])
        guard names.contains(task) else {
          throw CommandFailure(
            "--train \(entry): the model has no task \"\(task)\"; its tasks are "
              + names.map { "\"\($0)\"" }.joined(separator: ", "))
        }
      } else {
        guard names.count == 1 else {
          throw CommandFailure(
            "--train \(entry): the model has \(names.count) tasks; say which with name=file")
        }
        task = names[0]
        path = entry
      }
      guard let format = trainFormat ?? CorpusSource.inferredFormat(path: path) else {
        throw CommandFailure(
          "--train \(entry): cannot tell the file's format from its extension; give "
            + "--input-format jsonl, csv, tsv or fasttext")
      }
      sources.removeAll { $0.taskName == task }
      sources.append(CorpusSource(path: path, format: format, taskName: task))
    }
    for source in sources {
      switch InputFileCheck.problem(at: source.path) {
      case nil: break
      case .missing:
        throw CommandFailure(
          "\(source.path): no such file (training file of task \"\(source.taskName)\")")
      case .unreadable(let problem):
        throw CommandFailure(
          "\(source.path): \(problem) (training file of task \"\(source.taskName)\")")
      }
    }
    return sources
  }

  /// Every labelled example of `sources`, each keeping only its own task's label.
  private func readExamples(
    _ sources: [CorpusSource], multiLabelTasks: Set<String>
  ) throws -> [Example] {
    let warnings = CorpusWarnings()
    defer { warnings.emit() }
    let (examples, statistics) = try MultiTaskText.Pipeline.readRetrainingExamples(
      sources, multiLabelTasks: multiLabelTasks, skipInvalid: skipInvalid)
    warnings.record(statistics)
    return examples
  }
}
