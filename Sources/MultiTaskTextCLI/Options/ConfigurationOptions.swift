import ArgumentParser
import MultiTaskText

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
  func load() throws -> PipelineConfiguration {
    do {
      var loaded = try PipelineConfiguration.load(path: configuration, overrides: overrides)
      try loaded.validateFilesExist(configurationPath: configuration)
      if skipInvalid {
        loaded.training.skipInvalid = true
        for index in loaded.tasks.indices {
          loaded.tasks[index].train.skipInvalid = true
          loaded.tasks[index].dev?.skipInvalid = true
          loaded.tasks[index].test?.skipInvalid = true
        }
      }
      return loaded
    } catch {
      throw CommandFailure("\(error)")
    }
  }
}
