import MultiTaskText

extension CorpusSource {
  /// The settings of a `train`, `dev` or `test` entry: its path, then the corpus settings.
  static let fileTable = ConfigurationTable(
    summary: "`train`, `dev` and `test` each name a corpus file: a path, or a mapping with"
      + " `path` and settings for that file alone. `dev` and `test` take the same keys as"
      + " `train`. Every key but `path` may also be set on the task, for all its files;"
      + " a file's own setting wins. Settings that do not apply to the file's format are"
      + " ignored.",
    defaults: CorpusSource(path: "", format: .jsonl),
    settings: [pathSetting] + sharedSettings)

  /// The file's path, resolved against the configuration file's folder.
  static let pathSetting = ConfigurationSetting<Self>(
    "path", type: "path", default: "required",
    summary: "The corpus file; `train: a.jsonl` is short for `train: {path: a.jsonl}`."
  ) { file, key, source throws(ConfigurationError) in
    guard let path = try file.string(key) else {
      throw .missingKey(path: file.sourceName, key: file.path(key))
    }
    if path.isEmpty {
      throw .wrongType(
        path: file.sourceName, key: file.keyPath, expected: "a non-empty path",
        found: ConfigurationValue.string(path).found)
    }
    source.path = file.resolve(path)
  }

  /// The corpus settings a task entry may set for all its files, and a file entry for itself.
  static let sharedSettings: [ConfigurationSetting<Self>] = [
    formatSetting,
    encodingSetting,
    .string(
      "textField", \.textField, summary: "The JSONL key, or CSV/TSV header name, of the text."),
    .string(
      "labelField", \.labelField,
      summary: "The JSONL key, or CSV/TSV header name, of this task's label."),
    .string(
      "labelsField", \.labelsField,
      summary: "The JSONL key of an object from task name to label, in multi-task files."),
    textColumnsSetting,
    labelColumnSetting,
    .bool("hasHeader", \.hasHeader, summary: "Whether the first CSV/TSV record names the columns."),
    .bool(
      "allowsQuotedFields", \.allowsQuotedFields, default: "`true` for CSV, `false` for TSV",
      summary: "Whether CSV/TSV fields may be double-quoted."),
    .string(
      "labelPrefix", \.labelPrefix,
      summary: "The prefix of a label in fastText lines; with `\"\"` the first token is the"
        + " label."),
    ConfigurationSetting(
      "labelSeparator", type: "string", default: "none",
      summary: "Splits a CSV/TSV label cell into several labels, such as `|`, for"
        + " multi-label tasks."
    ) { object, key, source throws(ConfigurationError) in
      if let value = try object.string(key) { source.labelSeparator = value }
    },
    .bool(
      "skipInvalid", \.skipInvalid, default: "`training.skipInvalid`",
      summary: "Skip and count malformed records instead of stopping."),
    .bool(
      "strictEncoding", \.strictEncoding,
      summary: "Stop at invalid UTF-8 instead of repairing it to U+FFFD."),
  ]

  /// The file's format; without it, the file's extension decides.
  static let formatSetting = ConfigurationSetting<Self>.choice(
    "format", \.format,
    default: "from the extension: `.jsonl`/`.json`, `.csv`, `.tsv`, `.txt`/`.ft`",
    summary: "The file's format.")

  /// The character encoding, by any of its common names.
  private static let encodingSetting = ConfigurationSetting<Self>(
    "encoding",
    type: ConfigurationReference.choices(CorpusEncoding.allCases.map(\.rawValue))
      + " (or an alias such as `cp1252`)",
    shownDefault: { ConfigurationReference.code($0.encoding.rawValue) },
    summary: "The file's character encoding; text is transcoded to UTF-8 as it is read."
  ) { object, key, source throws(ConfigurationError) in
    guard let name = try object.string(key) else { return }
    guard let encoding = CorpusEncoding(name: name) else {
      throw .invalidChoice(
        path: object.sourceName, key: object.path(key),
        choices: CorpusEncoding.allCases.map(\.rawValue), found: name)
    }
    source.encoding = encoding
  }

  /// The text columns: one column, or a list whose cells are joined.
  private static let textColumnsSetting = ConfigurationSetting<Self>(
    "textColumns", type: "column, or list of columns (header name or 0-based position)",
    default: "the `textField` column; column 0 without a header",
    summary: "The CSV/TSV columns whose cells, joined by one space, form the text."
  ) { object, key, source throws(ConfigurationError) in
    guard let value = object[key] else { return }
    var columns: [ColumnReference] = []
    if case .list(let elements) = value {
      for element in elements { columns.append(try column(element, key, object)) }
    } else {
      columns = [try column(value, key, object)]
    }
    source.textColumns = columns
  }

  /// The label column of the source's task.
  private static let labelColumnSetting = ConfigurationSetting<Self>(
    "labelColumn", type: "column (header name or 0-based position)",
    default: "the `labelField` column; column 1 without a header",
    summary: "The CSV/TSV column holding this task's label; an empty cell leaves the record"
      + " unlabelled for the task."
  ) { object, key, source throws(ConfigurationError) in
    guard let value = object[key] else { return }
    source.labelColumns = [source.taskName: try column(value, key, object)]
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
