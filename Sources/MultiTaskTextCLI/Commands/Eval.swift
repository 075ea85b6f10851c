import ArgumentParser
import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

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

  /// The request these options make, checked by the library as the C API's is.
  private var request: EvaluationRequest {
    EvaluationRequest(
      configurationPath: config, taskFiles: taskFiles, format: taskFormat,
      textColumn: textColumn, labelColumn: labelColumn, noHeader: noHeader,
      skipInvalid: skipInvalid)
  }

  func validate() throws {
    if explain < 0 { throw ValidationError("--explain must be 0 or more, found \(explain)") }
    if explain > 0 && format != .html { throw ValidationError("--explain needs --format html") }
    do throws(EvaluationPlanError) { try request.check() } catch {
      throw ValidationError(error.description)
    }
  }

  func run() throws {
    let loaded = try ModelFile.read(path: model)
    let configuration = try config.map { try RunConfiguration.load(path: $0).pipeline }
    let plan = try EvaluationPlan(
      request, model: loaded, modelPath: model, configuration: configuration,
      onWarning: { writeToStandardError("mtl: warning: \($0)") })
    if let output {
      try OutputCheck.check(
        outputs: [output], inputs: plan.inputs(modelPath: model, configurationPath: config))
    }
    let warnings = CorpusWarnings()
    defer { warnings.emit() }
    // Evaluation writes nothing, so a signal ends it at once (see `Interruption`).
    Interruption.enter(
      .exitAtOnce, message: "Error: interrupted while evaluating; nothing was written\n")
    let report = try plan.evaluate(
      loaded, modelPath: model, version: MTL.configuration.version,
      explainingMistakes: explain,
      onEvent: { event in
        if case .evaluated(_, let statistics) = event { warnings.record([statistics]) }
      })
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
}

extension ReportFormat: ExpressibleByArgument {}
extension CorpusFormat: ExpressibleByArgument {}
