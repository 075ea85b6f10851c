import MultiTaskText

extension TaskConfiguration {
  /// The keys allowed in a task entry: its own, then the corpus settings shared by its files.
  static let keys =
    ["name", "train", "dev", "test", "weight", "classWeighting", "learningRateScale"]
    + CorpusSource.configurationKeys

  /// Decodes the `tasks` list, checking that it is not empty and that names are valid and
  /// distinct.
  ///
  /// - Parameters:
  ///   - root: The document's top-level mapping.
  ///   - baseDirectory: The folder relative corpus paths are resolved against.
  ///   - skipsInvalid: The `training.skipInvalid` default for sources that do not say.
  static func decodeList(
    in root: ConfigurationObject, baseDirectory: String, skipsInvalid: Bool
  ) throws(ConfigurationError) -> [TaskConfiguration] {
    guard let value = root["tasks"] else {
      throw .missingKey(path: root.sourceName, key: "tasks")
    }
    guard case .list(let entries) = value else {
      throw root.wrongType("tasks", expected: "a list of tasks", found: value)
    }
    if entries.isEmpty { throw .noTasks(path: root.sourceName) }
    var tasks: [TaskConfiguration] = []
    for (index, entry) in entries.enumerated() {
      let object = try ConfigurationObject(
        entry, keyPath: "tasks[\(index)]", sourceName: root.sourceName)
      let task = try TaskConfiguration(
        decoding: object, baseDirectory: baseDirectory, skipsInvalid: skipsInvalid)
      if tasks.contains(where: { $0.name == task.name }) {
        throw .duplicateTaskName(path: root.sourceName, key: object.path("name"), name: task.name)
      }
      tasks.append(task)
    }
    return tasks
  }

  /// Whether `name` is non-empty ASCII letters, digits, `_` and `-`, so it can be used in
  /// file names, command-line options and report keys unquoted.
  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || $0 == "_" || $0 == "-"
      }
  }

  /// Decodes one task entry.
  init(
    decoding object: ConfigurationObject, baseDirectory: String, skipsInvalid: Bool
  ) throws(ConfigurationError) {
    try object.checkKeys(Self.keys)
    guard let name = try object.string("name") else {
      throw .missingKey(path: object.sourceName, key: object.path("name"))
    }
    guard Self.isValidName(name) else {
      throw .invalidTaskName(path: object.sourceName, key: object.path("name"), name: name)
    }
    func source(_ split: String) throws(ConfigurationError) -> CorpusSource? {
      guard let value = object[split] else { return nil }
      return try CorpusSource(
        decoding: value, key: split, task: object, taskName: name,
        baseDirectory: baseDirectory, skipsInvalid: skipsInvalid)
    }
    guard let train = try source("train") else {
      throw .missingKey(path: object.sourceName, key: object.path("train"))
    }
    self.init(name: name, train: train, dev: try source("dev"), test: try source("test"))
    if let weight = try object.number("weight") {
      try object.require(
        weight > 0 && weight.isFinite, "weight", expected: "a finite number greater than 0")
      self.weight = weight
    }
    if let weighting = try object.choice("classWeighting", of: ClassWeighting.self) {
      classWeighting = weighting
    }
    if let scale = try object.number("learningRateScale") {
      try object.require(
        scale > 0 && scale.isFinite, "learningRateScale",
        expected: "a finite number greater than 0")
      learningRateScale = scale
    }
  }
}
