import ArgumentParser
import MultiTaskText
import MultiTaskTextConfiguration

/// The configuration file and command-line overrides shared by `train` and `pipeline`.
struct ConfigurationOptions: ParsableArguments {
  @Argument(help: "The configuration file (YAML or JSON).")
  var configuration: String

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override one setting, e.g. --set training.epochs=10; repeatable. Every key, its type"
        + " and its default: docs/CONFIGURATION.md.", valueName: "key=value"))
  var overrides: [String] = []

  @Flag(help: "Do not show training progress.")
  var quiet = false

  @Flag(
    help: """
      Skip malformed records instead of stopping at the first one; the number skipped and \
      the first few locations are printed at the end.
      """)
  var skipInvalid = false

  /// Loads the configuration, checks that every data file exists, and takes the output
  /// folder's lock (``OutputLock``), before any work.
  ///
  /// `--skip-invalid` sets `training.skipInvalid`, which the pipeline applies to every corpus
  /// file it reads.
  /// - Parameters:
  ///   - outputs: The names of the files the command writes into the output directory,
  ///     checked (writable, none of them an input) before any work.
  ///   - vocabularyCopy: Whether the command also writes `output.vocabularyCopy`.
  ///   - outputDirectory: `--output`, absolute, which replaces `output.directory`.
  func load(
    writing outputs: [String], vocabularyCopy: Bool = true, outputDirectory: String? = nil
  ) throws -> RunConfiguration {
    var loaded = try RunConfiguration.load(path: configuration, overrides: overrides)
    if let outputDirectory { loaded.output.directory = outputDirectory }
    try loaded.pipeline.validateFilesExist(configurationPath: configuration)
    try OutputCheck.check(
      outputs: loaded.outputPaths(outputs, includesVocabularyCopy: vocabularyCopy),
      inputs: loaded.inputFiles(configurationPath: configuration))
    if skipInvalid { loaded.pipeline.training.skipInvalid = true }
    try OutputLock.acquire(directory: loaded.output.directory)
    return loaded
  }
}
