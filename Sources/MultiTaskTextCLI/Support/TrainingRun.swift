import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

/// Runs the library pipeline's training stage with progress and Ctrl-C handling, then writes
/// the model and the vocabulary into the output directory. Shared by `train` and `pipeline`.
///
/// Nothing is written until the command has everything it will write (for `pipeline`, the
/// reports too); then all files are prepared and committed together.
///
/// The library reads and trains; this type only renders events, moves the interruption phase
/// along (reading → training → after training, which covers evaluation → writing) and writes
/// files.
struct TrainingRun {
  let settings: RunConfiguration
  let quiet: Bool
  /// Receives what reading the corpora counted; the command prints it at the end.
  let warnings: CorpusWarnings

  struct Output {
    var trained: TrainedModel
    var files: ModelOutputFiles
    var modelPath: String { files.modelPath }
    var vocabularyPaths: [String] { files.vocabularyPaths }
  }

  init(configuration: RunConfiguration, quiet: Bool, warnings: CorpusWarnings) {
    settings = configuration
    self.quiet = quiet
    self.warnings = warnings
  }

  func run() throws -> Output {
    // Reading corpora writes nothing, so a signal may end the process at once; the trainer
    // is told to stop at its next check only once epochs begin.
    Interruption.enter(
      .exitAtOnce,
      message: "Error: interrupted while reading the corpora; no model was written\n")
    let reporter = ProgressReporter(quiet: quiet)
    let warnings = self.warnings
    let files = ModelOutputFiles(
      directory: settings.output.directory, vocabularyCopy: settings.output.vocabularyCopy)
    let modelPath = files.modelPath
    let trained: TrainedModel
    do {
      trained = try MultiTaskText.Pipeline(configuration: settings.pipeline).train(
        shouldStop: { Interruption.wasRequested },
        onEvent: { event in
          if case .corporaRead(let statistics) = event {
            warnings.record(statistics)
            Interruption.enter(
              .stopAtNextCheck, message: "Error: interrupted again; no model was written\n")
          }
          reporter.handle(event)
        })
    } catch {
      reporter.finish()
      warnings.emit()
      if case .training(.cancelled) = error {
        let previous =
          FileManager.default.fileExists(atPath: modelPath)
          ? " (\(modelPath) is unchanged)" : ""
        throw CommandFailure(
          "interrupted: \(error); no model was written\(previous)",
          exitCode: Interruption.exitStatus)
      }
      throw error
    }
    reporter.finish()
    // Until the files are written (evaluating and rendering the reports, for `pipeline`)
    // nothing is being written, so a signal may again end the process at once. One that
    // arrived after the trainer's last check ends the run here, before any evaluation.
    Interruption.enter(
      .exitAtOnce, message: "Error: interrupted after training; no model was written\n")
    if Interruption.wasRequested {
      throw CommandFailure(
        "interrupted: training finished but no model was written",
        exitCode: Interruption.exitStatus)
    }
    return Output(trained: trained, files: files)
  }

  /// Prepares the model's files, then the reports that `reports` renders from the model
  /// file's checksum, and commits them all as one (``ModelOutputFiles``), with signals
  /// deferred. The model is encoded once: the reports take its checksum from the file being
  /// written.
  static func write(
    _ output: Output,
    reports: (_ modelChecksum: UInt32) throws -> [(path: String, bytes: [UInt8])] = { _ in [] }
  ) throws {
    try Interruption.whileWriting {
      if Interruption.wasRequested {
        throw CommandFailure(
          "interrupted: training finished but no model was written",
          exitCode: Interruption.exitStatus)
      }
      var (prepared, checksum) = try output.files.prepareWithChecksum(output.trained.model)
      for report in try reports(checksum) {
        prepared.append(try AtomicFileWriter().prepare(report.bytes, to: report.path))
      }
      try prepared.commitAll()
    }
  }
}
