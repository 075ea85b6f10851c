import Foundation

/// What a caller asks `mtl quantize` or the C API's `mtl_quantize` to do, before the model
/// is read: the ``QuantizationJob`` and, for retraining, where its data comes from.
///
/// ``plan(for:modelPath:configuration:)`` resolves the data into one training file per task.
public struct QuantizationRequest: Equatable, Sendable {
  /// The quantization and retraining options.
  public var job: QuantizationJob
  /// A configuration whose tasks' training files to retrain on; its path names it in
  /// messages, and its contents are passed to the plan decoded.
  public var configurationPath: String?
  /// Training files to retrain on: `file` for a single-task model, or `name=file`. They
  /// replace the configuration's file of the same task.
  public var trainFiles: [String]
  /// The format of the training files, or nil to tell it from each file's extension.
  public var trainFormat: CorpusFormat?
  /// Whether malformed records of the retraining files are skipped.
  public var skipInvalid: Bool

  /// Creates a request; see the properties.
  public init(
    job: QuantizationJob, configurationPath: String? = nil, trainFiles: [String] = [],
    trainFormat: CorpusFormat? = nil, skipInvalid: Bool = false
  ) {
    self.job = job
    self.configurationPath = configurationPath
    self.trainFiles = trainFiles
    self.trainFormat = trainFormat
    self.skipInvalid = skipInvalid
  }

  /// Checks every option before any file is read: the job's, and that retraining has data
  /// exactly when it is asked for.
  ///
  /// - Throws: ``QuantizationRequestError/badOption(_:)`` naming the option.
  public func check() throws(QuantizationRequestError) {
    do throws(QuantizationError) { try job.checkMethod() } catch {
      throw .badOption(error.description)
    }
    let hasData = configurationPath != nil || !trainFiles.isEmpty
    if !job.retrain && hasData {
      throw .badOption("--config and --train give the data of --retrain; add --retrain")
    }
    if job.retrain && !hasData {
      throw .badOption(
        "--retrain needs training data: --config FILE (its tasks' training files) or --train FILE"
      )
    }
    if trainFormat != nil && trainFiles.isEmpty {
      throw .badOption("--input-format describes --train files; give --train")
    }
    do throws(QuantizationError) { try job.checkRetraining() } catch {
      throw .badOption(error.description)
    }
  }

  /// Resolves the retraining data of the float `model` into one training file per task, and
  /// checks that each can be read.
  ///
  /// - Parameters:
  ///   - model: The float model to quantize.
  ///   - modelPath: Its file, named in messages.
  ///   - configuration: The configuration at ``configurationPath``, decoded.
  /// - Throws: ``QuantizationRequestError`` naming the model, the task or the file at fault.
  public func plan(
    for model: MultiTaskModel, modelPath: String, configuration: PipelineConfiguration?
  ) throws(QuantizationRequestError) -> QuantizationPlan {
    if let existing = model.manifest.quantization {
      throw .quantization(modelPath: modelPath, .alreadyQuantized(method: existing.summary))
    }
    guard job.retrain else { return QuantizationPlan(request: self, retrainingSources: []) }
    let names = model.manifest.tasks.map(\.name)
    var sources: [CorpusSource] = []
    if let configuration {
      for task in configuration.tasks where names.contains(task.name) {
        var source = task.train
        source.taskName = task.name
        sources.append(source)
      }
      if sources.isEmpty {
        throw .configurationDoesNotDescribeModel(
          configuration: configurationPath ?? "the configuration", modelPath: modelPath,
          modelTasks: names)
      }
    }
    for entry in trainFiles {
      let source = try trainFileSource(entry, modelTasks: names)
      sources.removeAll { $0.taskName == source.taskName }
      sources.append(source)
    }
    for source in sources {
      do throws(UnreadableInputFile) {
        try UnreadableInputFile.check(
          source.path, role: "training file of task \"\(source.taskName)\"")
      } catch {
        throw .unreadableFile(error)
      }
    }
    return QuantizationPlan(request: self, retrainingSources: sources)
  }

  /// The source of one training file entry: `name=file`, or `file` for a single-task
  /// model. An entry that is an existing file's path is a path, even with an `=` in it.
  private func trainFileSource(
    _ entry: String, modelTasks names: [String]
  ) throws(QuantizationRequestError) -> CorpusSource {
    let task: String
    let path: String
    if let equals = entry.firstIndex(of: "="), !FileManager.default.fileExists(atPath: entry) {
      task = String(entry[..<equals])
      path = String(entry[entry.index(after: equals)...])
      guard names.contains(task) else {
        throw .unknownTask(entry: entry, task: task, modelTasks: names)
      }
    } else {
      guard names.count == 1 else { throw .taskNotNamed(entry: entry, taskCount: names.count) }
      task = names[0]
      path = entry
    }
    guard let format = trainFormat ?? CorpusSource.inferredFormat(path: path) else {
      throw .unknownFormat(entry: entry)
    }
    return CorpusSource(path: path, format: format, taskName: task)
  }
}
