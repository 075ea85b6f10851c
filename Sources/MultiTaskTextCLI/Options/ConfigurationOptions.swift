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
  func load() throws -> RunConfiguration {
    do {
      var loaded = try RunConfiguration.load(path: configuration, overrides: overrides)
      try loaded.pipeline.validateFilesExist(configurationPath: configuration)
      if skipInvalid {
        loaded.pipeline.training.skipInvalid = true
        for index in loaded.pipeline.tasks.indices {
          loaded.pipeline.tasks[index].train.skipInvalid = true
          loaded.pipeline.tasks[index].dev?.skipInvalid = true
          loaded.pipeline.tasks[index].test?.skipInvalid = true
        }
      }
      return loaded
    } catch {
      throw CommandFailure("\(error)")
    }
  }
}
