import Foundation
import MultiTaskText

extension OutputConfiguration {
  /// The settings of the `output` section.
  static let configurationTable = ConfigurationTable(
    summary: "Where the run writes its model, vocabulary and reports. The library never"
      + " decides this; the command-line tool does, from these settings.",
    defaults: OutputConfiguration(directory: ""),
    settings: [
      ConfigurationSetting(
        "directory", type: "path",
        default: "`runs/<file name>` next to the configuration file",
        summary: "The run's folder, for the model, the vocabulary and the reports; the default"
          + " gives each configuration file a folder of its own."
      ) { object, key, output throws(ConfigurationError) in
        guard let directory = try object.string(key) else { return }
        try object.require(!directory.isEmpty, key, expected: "a path", found: "\"\"")
        output.directory = object.resolve(directory)
      },
      ConfigurationSetting(
        "vocabularyCopy", type: "path", default: "none",
        summary: "An extra place to write the vocabulary TSV, to keep it under version control"
          + " apart from the disposable run folder."
      ) { object, key, output throws(ConfigurationError) in
        if let copy = try object.string(key) { output.vocabularyCopy = object.resolve(copy) }
      },
    ])

  /// The output settings of a file without an `output` section: the folder
  /// `runs/<configuration file name without extension>` next to the file, and no copy.
  ///
  /// - Parameter object: The `output` mapping, whose context names the file and its folder.
  static func defaults(for object: ConfigurationObject) -> OutputConfiguration {
    let fileName = URL(fileURLWithPath: object.sourceName).deletingPathExtension()
      .lastPathComponent
    return OutputConfiguration(directory: object.resolve("runs/\(fileName)"))
  }
}
