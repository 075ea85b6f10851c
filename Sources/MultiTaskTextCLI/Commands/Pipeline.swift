import ArgumentParser
import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

#if canImport(Glibc)
  import Glibc
#endif

/// `mtl pipeline CONFIG`: tokenize → vocabulary → train → evaluate, from one file.
struct Pipeline: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train on every task's training file, then evaluate on its test file.",
    discussion: """
      Validates the whole configuration before any work, trains one model for all tasks \
      (reporting dev accuracy per epoch where a task has a dev file), evaluates every task \
      with a test file, and writes model.mtl, vocabulary.tsv, report.json, report.md and \
      report.html into output.directory, plus the vocabulary to output.vocabularyCopy when \
      the configuration names one.
      """
  )

  @OptionGroup var options: ConfigurationOptions
  @OptionGroup var destination: OutputDirectoryOption

  func run() throws {
    let reportNames = [
      ("report.json", ReportFormat.json), ("report.md", .markdown), ("report.html", .html),
    ]
    let run = try options.load(
      writing: ModelOutputFiles.fileNames + reportNames.map(\.0),
      outputDirectory: destination.absoluteDirectory)
    let configuration = run.pipeline
    let warnings = CorpusWarnings()
    defer { warnings.emit() }
    let output = try TrainingRun(
      configuration: run, quiet: options.quiet, warnings: warnings
    ).run()
    var written = [output.modelPath] + output.vocabularyPaths
    // Evaluation writes nothing, so a signal ends it at once (see `Interruption`).
    Interruption.enter(
      .exitAtOnce, message: "Error: interrupted while evaluating; no model was written\n")
    var report = try MultiTaskText.Pipeline(configuration: configuration).evaluate(
      output.trained, modelPath: output.modelPath,
      onEvent: { event in
        if case .evaluated(_, let statistics) = event { warnings.record([statistics]) }
      })
    let directory = run.output.directory as NSString
    let reportPaths = reportNames.map { (directory.appendingPathComponent($0.0), $0.1) }
    written += reportPaths.map(\.0)
    // The model is put in place only now, with the reports, so a failed evaluation leaves
    // the previous run's files as they were. The reports record the checksum of the model
    // file as it is written.
    try TrainingRun.write(output) { checksum in
      report.run = try Provenance.record(
        configuration: configuration, model: output.trained.model, modelChecksum: checksum,
        history: output.trained.history)
      return try reportPaths.map { path, format in (path, try format.render(report, colors: false))
      }
    }
    var summary =
      report.tasks.isEmpty
      ? "no task has a test file, so nothing was evaluated\n"
      : TextReportRenderer(
        colors: TerminalColors.enabled(for: 1), width: TerminalWidth.rendering(1)
      )
      .renderSummary(report)
    summary +=
      "trained \(configuration.tasks.count) task(s) in "
      + String(format: "%.1f", output.trained.history.seconds) + " s; wrote:\n"
    for path in written { summary += "  \(path)\n" }
    try OutputWriter.writeSummary(summary)
  }
}
