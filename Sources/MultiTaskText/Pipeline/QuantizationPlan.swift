/// A checked ``QuantizationRequest`` with its retraining data resolved into one training
/// file per task: quantizes, then reads the files and refits the heads.
///
/// `mtl quantize` and the C API's `mtl_quantize` run the same plan, so a model quantized
/// either way is the same bytes.
public struct QuantizationPlan: Sendable {
  /// The request this plan carries out.
  public let request: QuantizationRequest
  /// The training files to retrain on, one per task; empty without retraining.
  public let retrainingSources: [CorpusSource]

  /// The files the run reads, each with its role, for checking that the output path does
  /// not overwrite one of them.
  public func inputs(modelPath: String) -> [(role: String, path: String)] {
    var inputs = [(role: "model", path: modelPath)]
    if let configurationPath = request.configurationPath {
      inputs.append((role: "configuration file", path: configurationPath))
    }
    for source in retrainingSources {
      inputs.append((role: "training file of task \"\(source.taskName)\"", path: source.path))
    }
    return inputs
  }

  /// Quantizes the float `model` and, when asked, retrains its heads on the planned files.
  ///
  /// - Parameters:
  ///   - model: The float model.
  ///   - modelPath: Its file, named in messages.
  ///   - onStatistics: Receives what reading the retraining files counted, once they are read.
  ///   - onWarning: Receives, as sentences, the labels of the retraining data that the model
  ///     does not know (and that were skipped).
  /// - Returns: The quantized model, its manifest recording how it was made.
  /// - Throws: ``QuantizationRequestError/quantization(modelPath:_:)`` or
  ///   ``QuantizationRequestError/reading(_:)``.
  public func run(
    _ model: MultiTaskModel, modelPath: String,
    onStatistics: ([CorpusStatistics]) -> Void = { _ in },
    onWarning: (String) -> Void = { _ in }
  ) throws(QuantizationRequestError) -> MultiTaskModel {
    let job = request.job
    let files = retrainingSources.map(\.path)
    var quantized: MultiTaskModel
    do throws(QuantizationError) {
      quantized = try job.quantize(model, retrainingFiles: files)
    } catch {
      throw .quantization(modelPath: modelPath, error)
    }
    guard job.retrain else { return quantized }
    let multiLabel = Set(model.manifest.tasks.filter(\.isMultiLabel).map(\.name))
    let examples: [Example]
    do throws(PipelineError) {
      let read = try Pipeline.readRetrainingExamples(
        retrainingSources, multiLabelTasks: multiLabel, skipInvalid: request.skipInvalid)
      onStatistics(read.statistics)
      examples = read.examples
    } catch {
      throw .reading(error)
    }
    do throws(QuantizationError) {
      let outcome = try job.retrain(
        quantized, on: examples, files: files, seed: job.seed ?? model.manifest.training.seed)
      quantized = outcome.model
      for (task, count) in outcome.unknownLabels.sorted(by: { $0.key < $1.key }) {
        onWarning(
          "\(count) labels of task \"\(task)\" in the retraining data are not labels of the "
            + "model; skipped")
      }
    } catch {
      throw .quantization(modelPath: modelPath, error)
    }
    return quantized
  }
}
