import ArgumentParser
import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

/// `mtl train CONFIG`: trains one model for every task in the configuration.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train one multi-task model from a configuration file.",
    discussion: """
      Writes <output.directory>/model.mtl and <output.directory>/vocabulary.tsv. The same \
      seed gives a byte-identical model on any number of threads (training.threads); \
      training.reproducible false trains lock-free instead (Hogwild), not reproducibly.
      """
  )

  @OptionGroup var options: ConfigurationOptions
  @OptionGroup var destination: OutputDirectoryOption

  func run() throws {
    let run = try options.load(
      writing: ModelOutputFiles.fileNames, outputDirectory: destination.absoluteDirectory)
    let configuration = run.pipeline
    let warnings = CorpusWarnings()
    let output = try TrainingRun(
      configuration: run, quiet: options.quiet, warnings: warnings
    ).run()
    try TrainingRun.write(output)
    warnings.emit()
    var summary =
      "trained \(configuration.tasks.count) task(s) in "
      + String(format: "%.1f", output.trained.history.seconds) + " s\n"
    for path in [output.modelPath] + output.vocabularyPaths { summary += "wrote \(path)\n" }
    try OutputWriter.writeSummary(summary)
  }
}
