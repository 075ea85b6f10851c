import Foundation
import MultiTaskText

/// Trains from a configuration with progress and Ctrl-C handling, then writes the model and
/// the vocabulary into the output directory. Shared by `train` and `pipeline`.
struct TrainingRun {
  let configuration: PipelineConfiguration
  let quiet: Bool

  struct Output {
    var model: MultiTaskModel
    var modelPath: String
    var vocabularyPaths: [String]
    var seconds: Double
    var history: TrainingHistory
  }

  func run() throws -> Output {
    Interruption.install()
    let taskNames = configuration.tasks.map(\.name)
    let reporter = ProgressReporter(taskNames: taskNames, quiet: quiet)
    let recorder = HistoryRecorder(taskNames: taskNames)
    let start = Date()
    let model: MultiTaskModel
    do {
      model = try Trainer(configuration: configuration).train(
        shouldStop: { Interruption.wasRequested },
        onEvent: { event in
          recorder.record(event)
          reporter.handle(event)
        })
    } catch {
      reporter.finish()
      if case .cancelled = error {
        throw CommandFailure("interrupted: \(error); no model was written")
      }
      throw CommandFailure("\(error)")
    }
    reporter.finish()
    let seconds = Date().timeIntervalSince(start)
    let directory = configuration.output.directory
    let modelPath = (directory as NSString).appendingPathComponent("model.mtl")
    var vocabularyPaths = [(directory as NSString).appendingPathComponent("vocabulary.tsv")]
    if let copy = configuration.output.vocabularyCopy { vocabularyPaths.append(copy) }
    do {
      try ModelFile.write(model, to: modelPath)
      for path in vocabularyPaths { try VocabularyFile.write(model.vocabulary, to: path) }
    } catch {
      throw CommandFailure("\(error)")
    }
    return Output(
      model: model, modelPath: modelPath, vocabularyPaths: vocabularyPaths, seconds: seconds,
      history: recorder.finish(seconds: seconds))
  }
}
