import Foundation
import MultiTaskText

extension CorpusSource {
  /// The corpus settings a task entry may set for all its files, and a file entry for itself.
  static let configurationKeys = [
    "format", "encoding", "textField", "labelField", "labelsField", "textColumns",
    "labelColumn", "hasHeader", "allowsQuotedFields", "labelPrefix", "skipInvalid",
    "strictEncoding",
  ]

  /// Decodes the `train`, `dev` or `test` entry of a task: a path, or a mapping with `path`
  /// and settings that override the task's.
  ///
  /// - Parameters:
  ///   - value: The entry's value.
  ///   - key: `train`, `dev` or `test`.
  ///   - task: The task's mapping, whose corpus settings apply unless the file overrides them.
  ///   - taskName: The task's name, which single-label records label.
  ///   - baseDirectory: The folder a relative path is resolved against.
  ///   - skipsInvalid: The default of `skipInvalid` when neither the file nor the task sets it.
  init(
    decoding value: ConfigurationValue, key: String, task: ConfigurationObject,
    taskName: String, baseDirectory: String, skipsInvalid: Bool
  ) throws(ConfigurationError) {
    let keyPath = task.path(key)
    var file: ConfigurationObject?
    let path: String
    switch value {
    case .string(let string):
      path = string
    case .mapping:
      let object = try ConfigurationObject(value, keyPath: keyPath, sourceName: task.sourceName)
      try object.checkKeys(["path"] + Self.configurationKeys)
      guard let string = try object.string("path") else {
        throw .missingKey(path: task.sourceName, key: object.path("path"))
      }
      file = object
      path = string
    default:
      throw task.wrongType(key, expected: "a path or a mapping with \"path\"", found: value)
    }
    if path.isEmpty {
      throw task.wrongType(key, expected: "a non-empty path", found: .string(path))
    }
    let resolved = RunConfiguration.resolve(path, against: baseDirectory)
    var format = try file?.choice("format", of: CorpusFormat.self)
    if format == nil { format = try task.choice("format", of: CorpusFormat.self) }
    guard let format = format ?? Self.inferredFormat(path: path) else {
      throw .unknownCorpusFormat(path: task.sourceName, key: keyPath, file: resolved)
    }
    self.init(path: resolved, format: format, taskName: taskName, skipInvalid: skipsInvalid)
    try applySettings(of: task)
    if let file { try applySettings(of: file) }
    do {
      try validate()
    } catch {
      throw .invalidCorpusSettings(path: task.sourceName, key: keyPath, problem: error.problem)
    }
  }

  /// Sets every corpus setting present in `object`, leaving the others as they are.
  private mutating func applySettings(of object: ConfigurationObject) throws(ConfigurationError) {
    if let name = try object.string("encoding") {
      guard let encoding = CorpusEncoding(name: name) else {
        throw .invalidChoice(
          path: object.sourceName, key: object.path("encoding"),
          choices: CorpusEncoding.allCases.map(\.rawValue), found: name)
      }
      self.encoding = encoding
    }
    if let value = try object.string("textField") { textField = value }
    if let value = try object.string("labelField") { labelField = value }
    if let value = try object.string("labelsField") { labelsField = value }
    if let value = try object.bool("hasHeader") { hasHeader = value }
    if let value = try object.bool("allowsQuotedFields") { allowsQuotedFields = value }
    if let value = try object.string("labelPrefix") { labelPrefix = value }
    if let value = try object.bool("skipInvalid") { skipInvalid = value }
    if let value = try object.bool("strictEncoding") { strictEncoding = value }
    if let value = object["textColumns"] {
      var columns: [ColumnReference] = []
      if case .list(let elements) = value {
        for element in elements { columns.append(try Self.column(element, "textColumns", object)) }
      } else {
        columns = [try Self.column(value, "textColumns", object)]
      }
      textColumns = columns
    }
    if let value = object["labelColumn"] {
      labelColumns = [taskName: try Self.column(value, "labelColumn", object)]
    }
  }

  /// A column given by header name (a string) or 0-based position (an integer).
  private static func column(
    _ value: ConfigurationValue, _ key: String, _ object: ConfigurationObject
  ) throws(ConfigurationError) -> ColumnReference {
    switch value {
    case .string(let name): return .name(name)
    case .integer(let index):
      try object.require(index >= 0, key, expected: "at least 0", found: String(index))
      return .index(index)
    default:
      throw object.wrongType(key, expected: "a column name or 0-based position", found: value)
    }
  }
}

extension CorpusError {
  /// The explanation of a configuration problem, without the path it concerns.
  fileprivate var problem: String {
    if case .invalidConfiguration(_, let problem) = self { return problem }
    return String(describing: self)
  }
}
