import Foundation
import MultiTaskText

extension RunConfiguration {
  /// Reads a YAML or JSON configuration file, applies command-line overrides and checks
  /// every key and value.
  ///
  /// The format follows the extension (`.yaml`, `.yml`, `.json`), or the content for any
  /// other. Relative paths in the file resolve against the file's folder, so a configuration
  /// works from any working directory. Corpus files are not opened; see
  /// ``validateFilesExist(configurationPath:)``.
  ///
  /// - Parameters:
  ///   - path: The configuration file.
  ///   - overrides: `key.path=value` settings applied in order, later ones winning
  ///     (`training.epochs=10`, `tasks.topic.weight=2`).
  /// - Returns: The validated configuration, with every path absolute.
  /// - Throws: ``ConfigurationError`` naming `path` and the offending key.
  public static func load(
    path: String, overrides: [String] = []
  ) throws(ConfigurationError) -> RunConfiguration {
    let text = try readText(path: path)
    let absolutePath = resolve(path, against: FileManager.default.currentDirectoryPath)
    return try parse(
      text: text, format: ConfigurationFormat.detect(path: path, text: text),
      baseDirectory: URL(fileURLWithPath: absolutePath).deletingLastPathComponent().path,
      overrides: overrides, sourceName: path)
  }

  /// Parses configuration text that did not come from ``load(path:overrides:)``.
  ///
  /// - Parameters:
  ///   - text: The YAML or JSON document.
  ///   - format: The language of `text`.
  ///   - baseDirectory: The folder relative paths resolve against.
  ///   - overrides: `key.path=value` settings applied in order before decoding.
  ///   - sourceName: The name errors start with; its last component without extension
  ///     names the default output directory.
  /// - Returns: The validated configuration, with every path absolute.
  /// - Throws: ``ConfigurationError`` naming `sourceName` and the offending key.
  public static func parse(
    text: String, format: ConfigurationFormat, baseDirectory: String,
    overrides: [String] = [], sourceName: String = "configuration"
  ) throws(ConfigurationError) -> RunConfiguration {
    var document = try ConfigurationDocument.parse(text, format: format, sourceName: sourceName)
    var applied: [ConfigurationOverride] = []
    for override in overrides {
      let parsed = try ConfigurationOverride(override, sourceName: sourceName)
      try parsed.apply(to: &document, sourceName: sourceName)
      applied.append(parsed)
    }
    do {
      return try RunConfiguration(
        document: document,
        baseDirectory: resolve(baseDirectory, against: FileManager.default.currentDirectoryPath),
        sourceName: sourceName)
    } catch {
      // The last override of the key the error is about is what set the bad value.
      guard let key = error.valueKey,
        let culprit = applied.last(where: { $0.names(key, in: document) })
      else { throw error }
      throw error.labelled(byOverride: culprit.text)
    }
  }

  /// The file's text, or an error saying why it cannot be read.
  static func readText(path: String) throws(ConfigurationError) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadableFile(path: path, reason: "file not found")
    }
    if isDirectory.boolValue {
      throw .unreadableFile(path: path, reason: "it is a directory")
    }
    // Read at most one byte past the limit, so `/dev/zero` or a huge file stops there.
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadableFile(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    let limit = ConfigurationLimits.maximumFileBytes
    let data: Data
    do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
      throw .unreadableFile(path: path, reason: error.localizedDescription)
    }
    if data.starts(with: Array("MTLM".utf8)) {
      throw .unreadableFile(
        path: path,
        reason: "this is a model file (.mtl), not a configuration: `mtl train` and `mtl "
          + "pipeline` take a configuration such as corpora/default.yaml; predict with "
          + "`mtl predict --model \(path)`, or continue training from it with "
          + "training.initialModel")
    }
    if data.count > limit {
      throw .unreadableFile(
        path: path,
        reason: "it is larger than \(limit / (1 << 20)) MiB, the most a configuration file may be")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadableFile(path: path, reason: "it is not UTF-8 text")
    }
    return text
  }
}
