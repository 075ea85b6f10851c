import Foundation
import MultiTaskText

extension RunConfiguration {
  /// Decodes and validates a whole document, resolving relative paths against
  /// `baseDirectory`.
  ///
  /// - Parameters:
  ///   - document: The parsed file, with overrides already applied.
  ///   - baseDirectory: The absolute folder of the configuration file.
  ///   - sourceName: The configuration file's path, for error messages and the default
  ///     output directory.
  init(
    document: ConfigurationValue, baseDirectory: String, sourceName: String
  ) throws(ConfigurationError) {
    let context = ConfigurationContext(sourceName: sourceName, baseDirectory: baseDirectory)
    let root = try ConfigurationObject(document, keyPath: "", context: context)
    // Corpus files default to `training.skipInvalid`, so the training section is decoded
    // before the tasks; its errors have always been reported first.
    self = try Self.configurationTable.decode(root, applyingFirst: [Self.trainingKey])
  }

  /// `path` made absolute against `baseDirectory`, with `.` and `..` removed.
  static func resolve(_ path: String, against baseDirectory: String) -> String {
    let url =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path)
      : URL(fileURLWithPath: baseDirectory, isDirectory: true).appendingPathComponent(path)
    return url.standardizedFileURL.path
  }
}
