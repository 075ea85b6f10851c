import MultiTaskText

extension CorpusSource {
  /// Decodes the `train`, `dev` or `test` entry of a task: a path, or a mapping with `path`
  /// and settings that override the task's.
  ///
  /// The task's corpus settings are applied first and the file's own after them, so the
  /// file's win; a setting neither gives keeps its default, and `skipInvalid` defaults to
  /// `training.skipInvalid` through the task's context.
  ///
  /// - Parameters:
  ///   - value: The entry's value.
  ///   - key: `train`, `dev` or `test`.
  ///   - task: The task's mapping, whose corpus settings apply unless the file overrides them.
  ///   - taskName: The task's name, which single-label records label.
  init(
    decoding value: ConfigurationValue, key: String, task: ConfigurationObject,
    taskName: String
  ) throws(ConfigurationError) {
    let file = try Self.fileObject(value, key: key, task: task)
    self.init(
      path: "", format: .jsonl, taskName: taskName, skipInvalid: task.context.skipsInvalid)
    try Self.pathSetting.apply(file, Self.pathSetting.key, &self)
    let formatKey = Self.formatSetting.key
    if task[formatKey] == nil && file[formatKey] == nil {
      guard let inferred = Self.inferredFormat(path: path) else {
        throw .unknownCorpusFormat(path: task.sourceName, key: file.keyPath, file: path)
      }
      format = inferred
      formatIsInferred = true
    }
    try ConfigurationSetting.apply(Self.sharedSettings, from: task, to: &self)
    try ConfigurationSetting.apply(Self.sharedSettings, from: file, to: &self)
    do {
      try validate()
    } catch {
      throw .invalidCorpusSettings(path: task.sourceName, key: file.keyPath, problem: error.problem)
    }
  }

  /// The entry as a mapping with its keys checked; a bare path stands for a mapping holding
  /// only `path`.
  private static func fileObject(
    _ value: ConfigurationValue, key: String, task: ConfigurationObject
  ) throws(ConfigurationError) -> ConfigurationObject {
    let keyPath = task.path(key)
    switch value {
    case .string:
      let entry = ConfigurationEntry(key: pathSetting.key, value: value)
      return try ConfigurationObject(.mapping([entry]), keyPath: keyPath, context: task.context)
    case .mapping:
      let file = try ConfigurationObject(value, keyPath: keyPath, context: task.context)
      try file.checkKeys(fileTable.keys)
      return file
    default:
      throw task.wrongType(
        key, expected: "a path or a mapping with \"\(pathSetting.key)\"", found: value)
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
