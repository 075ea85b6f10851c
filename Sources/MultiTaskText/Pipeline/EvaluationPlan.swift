import Foundation

/// Which file each task of a model is evaluated on, and how each is read: the planning
/// behind `mtl eval` and the C API's `mtl_evaluate`, so both evaluate the same files.
///
/// A task is evaluated on the file a request's task file entry names, else on its
/// configuration's test file; a task with neither is left out, with a warning. A
/// configuration that names none of the model's tasks is refused, so a configuration for
/// another model cannot pass for a complete evaluation.
public struct EvaluationPlan: Sendable {
  /// The task names with the file to evaluate each on, in the model's task order.
  public let files: [(task: String, source: CorpusSource)]

  /// Plans the evaluation of `model`.
  ///
  /// - Parameters:
  ///   - request: What to evaluate on; ``EvaluationRequest/check()`` should have passed.
  ///   - model: The model to evaluate.
  ///   - modelPath: The model's file, named in messages.
  ///   - configuration: The configuration at `request.configurationPath`, decoded.
  ///   - onWarning: Receives each task that will not be evaluated, as a sentence.
  /// - Throws: ``EvaluationPlanError`` naming the task, the option or the file at fault.
  public init(
    _ request: EvaluationRequest, model: MultiTaskModel, modelPath: String,
    configuration: PipelineConfiguration?, onWarning: (String) -> Void = { _ in }
  ) throws(EvaluationPlanError) {
    let names = model.manifest.tasks.map(\.name)
    let overrides = try request.taskFilesByName(modelTasks: names)
    if let configuration {
      try Self.checkTasksMatch(
        configuration, named: request.configurationPath ?? "the configuration",
        modelPath: modelPath, modelTasks: names, overrides: overrides, onWarning: onWarning)
    }
    var files: [(task: String, source: CorpusSource)] = []
    for name in names {
      let configured = configuration?.tasks.first { $0.name == name }
      var source: CorpusSource
      if let path = overrides[name] {
        source = try Self.taskFileSource(
          path: path, task: name, configured: configured, request: request)
      } else if let test = configured?.test {
        source = test
      } else {
        continue
      }
      if request.skipInvalid { source.skipInvalid = true }
      do throws(UnreadableInputFile) {
        try UnreadableInputFile.check(source.path, role: "test file of task \"\(name)\"")
      } catch {
        throw .unreadableFile(error)
      }
      files.append((name, source))
    }
    if files.isEmpty {
      throw .nothingToEvaluate(
        configurationPath: configuration == nil ? nil : request.configurationPath,
        tasksWithTestFile: configuration?.tasks.filter { $0.test != nil }.map(\.name) ?? [])
    }
    self.files = files
  }

  /// The files the evaluation reads, each with its role, for checking that an output path
  /// does not overwrite one of them.
  public func inputs(
    modelPath: String, configurationPath: String?
  ) -> [(role: String, path: String)] {
    var inputs = [(role: "model (--model)", path: modelPath)]
    if let configurationPath {
      inputs.append((role: "configuration file", path: configurationPath))
    }
    for file in files {
      inputs.append((role: "test file of task \"\(file.task)\"", path: file.source.path))
    }
    return inputs
  }

  /// Evaluates `model` on the planned files, and records in the report which model file
  /// (with its checksum, read from `modelPath`) and which version of `mtl` made it.
  ///
  /// - Parameters:
  ///   - model: The model, as read from `modelPath`.
  ///   - modelPath: The model's file.
  ///   - version: The version of `mtl` (or of the library) to record.
  ///   - explainingMistakes: How many of each task's most confident mistakes to explain.
  ///   - onEvent: Receives what reading each file counted.
  /// - Returns: The report.
  /// - Throws: ``PipelineError`` naming the file and the record at fault.
  public func evaluate(
    _ model: MultiTaskModel, modelPath: String, version: String, explainingMistakes: Int = 0,
    onEvent: (PipelineEvent) -> Void = { _ in }
  ) throws(PipelineError) -> EvaluationReport {
    var report = try Pipeline.evaluate(
      model, on: files, modelPath: modelPath, explainingMistakes: explainingMistakes,
      onEvent: onEvent)
    report.run = RunProvenance(
      mtlVersion: version, recordedConfiguration: nil, model: model,
      modelBytes: FileManager.default.contents(atPath: modelPath).map { [UInt8]($0) })
    return report
  }

  /// How to read a task file: as the configuration describes it when it names that very
  /// file (as the task's test or training file), otherwise from the defaults of its format,
  /// since a column mapping written for one file means nothing for another; then the
  /// request's format, columns and header setting.
  private static func taskFileSource(
    path: String, task: String, configured: TaskConfiguration?, request: EvaluationRequest
  ) throws(EvaluationPlanError) -> CorpusSource {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let described = [configured?.test, configured?.train].compactMap { $0 }.first {
      URL(fileURLWithPath: $0.path).standardizedFileURL.path == absolute
    }
    var source: CorpusSource
    if var described {
      described.path = path
      source = described
    } else {
      guard let format = request.format ?? CorpusSource.inferredFormat(path: path) else {
        throw .unknownFormat(task: task, path: path)
      }
      source = CorpusSource(path: path, format: format, taskName: task)
    }
    if let format = request.format { source.format = format }
    if request.noHeader { source.hasHeader = false }
    if let textColumn = request.textColumn {
      source.textField = textColumn
      source.textColumns = [ColumnReference(argument: textColumn)]
    }
    if let labelColumn = request.labelColumn {
      source.labelField = labelColumn
      source.labelColumns = [task: ColumnReference(argument: labelColumn)]
    }
    return source
  }

  /// Fails when no task of `configuration` is a task of the model (and no task file names
  /// one), and warns about every task on either side that will not be evaluated.
  private static func checkTasksMatch(
    _ configuration: PipelineConfiguration, named configurationName: String, modelPath: String,
    modelTasks: [String], overrides: [String: String], onWarning: (String) -> Void
  ) throws(EvaluationPlanError) {
    let configured = configuration.tasks.map(\.name)
    if !configured.contains(where: modelTasks.contains) && overrides.isEmpty {
      throw .configurationDoesNotDescribeModel(
        configuration: configurationName, configuredTasks: configured, modelPath: modelPath,
        modelTasks: modelTasks)
    }
    for name in configured where !modelTasks.contains(name) {
      onWarning(
        "task \"\(name)\" of \(configurationName) is not a task of the model; not evaluated")
    }
    for name in modelTasks where overrides[name] == nil {
      guard let task = configuration.tasks.first(where: { $0.name == name }) else {
        onWarning(
          "task \"\(name)\" of the model is not in \(configurationName); not evaluated "
            + "(use --task \(name)=file)")
        continue
      }
      if task.test == nil {
        onWarning(
          "task \"\(name)\" has no test file in \(configurationName); not evaluated "
            + "(use --task \(name)=file)")
      }
    }
  }
}
