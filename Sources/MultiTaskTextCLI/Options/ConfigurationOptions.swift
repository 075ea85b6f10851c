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
      "Override one setting, e.g. --set training.epochs=10.", valueName: "key=value"))
  var overrides: [String] = []

  @Flag(help: "Do not show training progress.")
  var quiet = false

  @Flag(
    help: """
      Skip malformed records instead of stopping at the first one; the number skipped and \
      the first few locations are printed at the end.
      """)
  var skipInvalid = false

  /// Loads the configuration and checks that every data file exists, before any work.
  ///
  /// `--skip-invalid` sets `training.skipInvalid`, which the pipeline applies to every corpus
  /// file it reads.
  func load() throws -> RunConfiguration {
    var loaded = try RunConfiguration.load(path: configuration, overrides: overrides)
    try loaded.pipeline.validateFilesExist(configurationPath: configuration)
    if skipInvalid { loaded.pipeline.training.skipInvalid = true }
    return loaded
  }
}
