import MultiTaskText

extension TaskConfiguration {
  /// Decodes the `tasks` list, checking that it is not empty and that names are valid and
  /// distinct.
  ///
  /// - Parameters:
  ///   - root: The document's top-level mapping.
  ///   - key: The list's key, `tasks`.
  ///   - skipsInvalid: The `training.skipInvalid` default for sources that do not say.
  static func decodeList(
    in root: ConfigurationObject, key: String, skipsInvalid: Bool
  ) throws(ConfigurationError) -> [TaskConfiguration] {
    guard let value = root[key] else {
      throw .missingKey(path: root.sourceName, key: root.path(key))
    }
    guard case .list(let entries) = value else {
      throw root.wrongType(key, expected: "a list of tasks", found: value)
    }
    if entries.isEmpty { throw .noTasks(path: root.sourceName) }
    var context = root.context
    context.skipsInvalid = skipsInvalid
    var tasks: [TaskConfiguration] = []
    for (index, entry) in entries.enumerated() {
      let object = try ConfigurationObject(
        entry, keyPath: "\(root.path(key))[\(index)]", context: context)
      let task = try configurationTable.decode(object)
      if tasks.contains(where: { $0.name == task.name }) {
        throw .duplicateTaskName(
          path: root.sourceName, key: object.path(nameSetting.key), name: task.name)
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
}
