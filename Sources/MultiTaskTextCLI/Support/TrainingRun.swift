import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

/// Trains from a configuration with progress and Ctrl-C handling, then writes the model and
/// the vocabulary into the output directory. Shared by `train` and `pipeline`.
struct TrainingRun {
  let settings: RunConfiguration
  let quiet: Bool
  /// Receives what reading the corpora counted; the command prints it at the end.
  let warnings: CorpusWarnings

  struct Output {
    var model: MultiTaskModel
    var modelPath: String
    var vocabularyPaths: [String]
    var seconds: Double
    var history: TrainingHistory
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
    let configuration = settings.pipeline
    let taskNames = configuration.tasks.map(\.name)
    let reporter = ProgressReporter(taskNames: taskNames, quiet: quiet)
    let recorder = HistoryRecorder(taskNames: taskNames)
    let warnings = self.warnings
    let start = Date()
    let directory = settings.output.directory
    let modelPath = (directory as NSString).appendingPathComponent("model.mtl")
    let model: MultiTaskModel
    do {
      model = try Trainer(configuration: configuration).train(
        shouldStop: { Interruption.wasRequested },
        onEvent: { event in
          if case .corpusStatistics(let statistics) = event {
            warnings.record(statistics)
            Interruption.enter(
              .stopAtNextCheck, message: "Error: interrupted again; no model was written\n")
          }
          recorder.record(event)
          reporter.handle(event)
        })
    } catch {
      reporter.finish()
      warnings.emit()
      if case .cancelled = error {
        let previous =
          FileManager.default.fileExists(atPath: modelPath)
          ? " (\(modelPath) is unchanged)" : ""
        throw CommandFailure(
          "interrupted: \(error); no model was written\(previous)",
          exitCode: Interruption.exitStatus)
      }
      throw CommandFailure("\(error)")
    }
    reporter.finish()
    let seconds = Date().timeIntervalSince(start)
    var vocabularyPaths = [(directory as NSString).appendingPathComponent("vocabulary.tsv")]
    if let copy = settings.output.vocabularyCopy { vocabularyPaths.append(copy) }
    try Interruption.whileWriting {
      if Interruption.wasRequested {
        throw CommandFailure(
          "interrupted: training finished but no model was written",
          exitCode: Interruption.exitStatus)
      }
      do {
        try ModelFile.write(model, to: modelPath)
        for path in vocabularyPaths { try VocabularyFile.write(model.vocabulary, to: path) }
      } catch {
        throw CommandFailure("\(error)")
      }
    }
    Interruption.enter(.exitAtOnce, message: "Error: interrupted after the model was written\n")
    return Output(
      model: model, modelPath: modelPath, vocabularyPaths: vocabularyPaths, seconds: seconds,
      history: recorder.finish(seconds: seconds))
  }
}
