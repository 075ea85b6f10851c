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

  /// Loads the configuration and checks that every data file exists, before any work.
  func load() throws -> PipelineConfiguration {
    do {
      let loaded = try PipelineConfiguration.load(path: configuration, overrides: overrides)
      try loaded.validateFilesExist(configurationPath: configuration)
      return loaded
    } catch {
      throw CommandFailure("\(error)")
    }
  }
}
