import ArgumentParser
import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

#if canImport(Glibc)
  import Glibc
#endif

/// `mtl eval`: per-task accuracy, F1, per-class tables and confusion matrices.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Evaluate a model on every task's test file, with per-class metrics.",
    discussion: """
      Evaluates each task of the model on the test file its configuration names, or on the \
      file given with --task NAME=FILE. Reports accuracy, macro- and weighted F1, per-class \
      precision, recall, F1 and support, the confusion matrix, the majority-class baseline, \
      and test labels never seen in training.
      """
  )

  @Option(help: "The model file (.mtl).")
  var model: String

  @Option(help: "The configuration whose tasks' test files (and field settings) to use.")
  var config: String?

  @Option(
    name: .customLong("task"),
    help: ArgumentHelp("Evaluate a task on another file.", valueName: "name=file"))
  var taskFiles: [String] = []

  @Option(
    name: .customLong("input-format"),
    help: ArgumentHelp(
      "The format of the --task files: jsonl, csv, tsv or fasttext (default: from the "
        + "extension).", valueName: "format"))
  var taskFormat: CorpusFormat?

  @Option(
    help: ArgumentHelp(
      "The text column (header name or 0-based position) or JSONL key of the --task files.",
      valueName: "column"))
  var textColumn: String?

  @Option(
    help: ArgumentHelp(
      "The label column (header name or 0-based position) or JSONL key of the --task files.",
      valueName: "column"))
  var labelColumn: String?

  @Flag(help: "The --task CSV/TSV files have no header row.")
  var noHeader = false

  @Option(help: "Output format: text, json, markdown or html.")
  var format: ReportFormat = .text

  @Option(help: "Write the report to this file instead of standard output.")
  var output: String?

  @Flag(help: "Skip malformed records instead of stopping at the first one.")
  var skipInvalid = false

  @Option(
    help: ArgumentHelp(
      "With --format html, show each task's N most confident mistakes, words shaded by "
        + "how they pushed the prediction.", valueName: "n"))
  var explain = 0

  func validate() throws {
    if explain < 0 { throw ValidationError("--explain must be 0 or more, found \(explain)") }
    if explain > 0 && format != .html { throw ValidationError("--explain needs --format html") }
    if config == nil && taskFiles.isEmpty {
      throw ValidationError("give --config, or at least one --task name=file")
    }
    if taskFiles.isEmpty
      && (taskFormat != nil || textColumn != nil || labelColumn != nil || noHeader)
    {
      throw ValidationError(
        "--input-format, --text-column, --label-column and --no-header describe --task files;"
          + " give --task name=file")
    }
    for entry in taskFiles where !entry.contains("=") {
      throw ValidationError("--task expects name=file, found \"\(entry)\"")
    }
  }

  func run() throws {
    let loaded: MultiTaskModel
    loaded = try ModelFile.read(path: model)
    var configuration: PipelineConfiguration?
    if let config { configuration = try RunConfiguration.load(path: config).pipeline }
    let files = try evaluationFiles(model: loaded, configuration: configuration)
    if let output {
      var inputs = [(role: "model (--model)", path: model)]
      if let config { inputs.append((role: "configuration file", path: config)) }
      for file in files {
        inputs.append((role: "test file of task \"\(file.task)\"", path: file.source.path))
      }
      try OutputCheck.check(outputs: [output], inputs: inputs)
    }
    var report: EvaluationReport
    let warnings = CorpusWarnings()
    defer { warnings.emit() }
    // Evaluation writes nothing, so a signal ends it at once (see `Interruption`).
    Interruption.enter(
      .exitAtOnce, message: "Error: interrupted while evaluating; nothing was written\n")
    report = try MultiTaskText.Pipeline.evaluate(
      loaded, on: files, modelPath: model, explainingMistakes: explain,
      onEvent: { event in
        if case .evaluated(_, let statistics) = event { warnings.record([statistics]) }
      })
    report.run = try Provenance.record(
      configuration: nil, model: loaded, modelPath: model, history: nil, trained: false)
    let colors = output == nil && format == .text && TerminalColors.enabled(for: 1)
    let bytes = try format.render(
      report, colors: colors,
      width: output == nil ? TerminalWidth.rendering(1) : TerminalWidth.standard)
    if let output {
      try Interruption.whileWriting {
        try AtomicFileWriter().write(bytes, to: output)
      }
      try OutputWriter.writeSummary("wrote \(output)\n")
    } else {
      let writer = OutputWriter()
      try bytes.withUnsafeBufferPointer { try writer.write($0) }
      try writer.flush()
    }
  }

  /// Which file each task is evaluated on, in the model's task order.
  private func evaluationFiles(
    model: MultiTaskModel, configuration: PipelineConfiguration?
  ) throws -> [(task: String, source: CorpusSource)] {
    let names = model.manifest.tasks.map(\.name)
    var overrides: [String: String] = [:]
    for entry in taskFiles {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      guard names.contains(parts[0]) else {
        throw CommandFailure(
          "--task \(entry): the model has no task \"\(parts[0])\"; its tasks are "
            + names.map { "\"\($0)\"" }.joined(separator: ", "))
      }
      overrides[parts[0]] = parts.count > 1 ? parts[1] : ""
    }
    if let configuration {
      try checkTasksMatch(configuration, modelTasks: names, overrides: overrides)
    }
    var files: [(task: String, source: CorpusSource)] = []
    for name in names {
      let configured = configuration?.tasks.first { $0.name == name }
      var source: CorpusSource
      if let path = overrides[name] {
        source = try taskFileSource(path: path, task: name, configured: configured)
      } else if let test = configured?.test {
        source = test
      } else {
        continue
      }
      if skipInvalid { source.skipInvalid = true }
      switch InputFileCheck.problem(at: source.path) {
      case nil: break
      case .missing:
        throw CommandFailure("\(source.path): no such file (test file of task \"\(name)\")")
      case .unreadable(let problem):
        throw CommandFailure("\(source.path): \(problem) (test file of task \"\(name)\")")
      }
      files.append((name, source))
    }
    if files.isEmpty {
      if let config, let configuration {
        throw CommandFailure(
          "nothing to evaluate: no task of the model has a test file in \(config) (its tasks "
            + "with a test file: "
            + quotedList(configuration.tasks.filter { $0.test != nil }.map(\.name))
            + "); use --task name=file")
      }
      throw CommandFailure(
        "nothing to evaluate: no task of the model has a test file in the configuration; "
          + "use --task name=file")
    }
    return files
  }

  /// How to read a `--task` file: as the configuration describes it when it names that very
  /// file (as the task's test or training file), otherwise from the defaults of its format,
  /// since a column mapping written for one file means nothing for another; then the
  /// `--input-format`, `--text-column`, `--label-column` and `--no-header` options.
  private func taskFileSource(
    path: String, task: String, configured: TaskConfiguration?
  ) throws -> CorpusSource {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let described = [configured?.test, configured?.train].compactMap { $0 }.first {
      URL(fileURLWithPath: $0.path).standardizedFileURL.path == absolute
    }
    var source: CorpusSource
    if var described {
      described.path = path
      source = described
    } else {
      guard let format = taskFormat ?? CorpusSource.inferredFormat(path: path) else {
        throw CommandFailure(
          "--task \(task)=\(path): cannot tell the file's format from its extension; "
            + "give --input-format jsonl, csv, tsv or fasttext")
      }
      source = CorpusSource(path: path, format: format, taskName: task)
    }
    if let taskFormat { source.format = taskFormat }
    if noHeader { source.hasHeader = false }
    if let textColumn {
      source.textField = textColumn
      source.textColumns = [ColumnReference(argument: textColumn)]
    }
    if let labelColumn {
      source.labelField = labelColumn
      source.labelColumns = [task: ColumnReference(argument: labelColumn)]
    }
    return source
  }

  /// Fails when no task of `configuration` is a task of the model (and no `--task` names
  /// one), and warns about every task on either side that will not be evaluated, so a
  /// configuration for another model cannot pass for a complete evaluation.
  private func checkTasksMatch(
    _ configuration: PipelineConfiguration, modelTasks: [String], overrides: [String: String]
  ) throws {
    let configName = config ?? "the configuration"
    let configured = configuration.tasks.map(\.name)
    let shared = configured.filter(modelTasks.contains)
    if shared.isEmpty && overrides.isEmpty {
      throw CommandFailure(
        "\(configName) does not describe this model: none of its tasks ("
          + quotedList(configured) + ") is a task of \(model) (" + quotedList(modelTasks)
          + "); give the model's configuration, or --task name=file")
    }
    for name in configured where !modelTasks.contains(name) {
      writeToStandardError(
        "mtl: warning: task \"\(name)\" of \(configName) is not a task of the model; "
          + "not evaluated")
    }
    for name in modelTasks where overrides[name] == nil {
      guard let task = configuration.tasks.first(where: { $0.name == name }) else {
        writeToStandardError(
          "mtl: warning: task \"\(name)\" of the model is not in \(configName); not evaluated "
            + "(use --task \(name)=file)")
        continue
      }
      if task.test == nil {
        writeToStandardError(
          "mtl: warning: task \"\(name)\" has no test file in \(configName); not evaluated "
            + "(use --task \(name)=file)")
      }
    }
  }

  private func quotedList(_ names: [String]) -> String {
    names.isEmpty ? "none" : names.map { "\"\($0)\"" }.joined(separator: ", ")
  }
}

extension ReportFormat: ExpressibleByArgument {}
extension CorpusFormat: ExpressibleByArgument {}
