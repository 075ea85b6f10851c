import MultiTaskText

extension TaskConfiguration {
  /// The settings of a task entry. Its corpus settings are allowed here too, for all its
  /// files, but each file applies them, so they are shared keys rather than settings.
  ///
  /// The defaults' empty name and training file are never used: `name` and `train` are
  /// required.
  static let configurationTable = ConfigurationTable(
    summary: "Each entry of `tasks` is one classification task. Besides these keys, a task"
      + " may set any setting of `tasks[].train` except `path` (such as `format` or"
      + " `textField`) for all its files.",
    defaults: TaskConfiguration(name: "", train: CorpusSource(path: "", format: .jsonl)),
    settings: [
      nameSetting,
      corpusSetting(
        "train", \.train, summary: "The training corpus.",
        subsection: CorpusSource.fileTable.reference),
      corpusSetting(
        "dev", \.dev,
        summary: "The development corpus, scored after every epoch; `keepBestEpoch` and"
          + " `taskPatience` need it."),
      corpusSetting(
        "test", \.test, summary: "The held-out test corpus, scored once after training."),
      .number(
        "weight", \.weight, .positive,
        summary: "How much this task's loss counts relative to the others'."),
      .choice(
        "classWeighting", \.classWeighting,
        summary: "`balanced` weights each class by the inverse of its frequency, so rare"
          + " classes are not drowned out."),
      .number(
        "learningRateScale", \.learningRateScale, .positive,
        summary: "Scales the learning rate of this task's head only, not its pull on the"
          + " shared rows."),
      metricSetting,
    ],
    sharedKeys: CorpusSource.sharedSettings.map(\.key))

  /// The score the task's epochs are selected on, in its textual form.
  static let metricSetting = ConfigurationSetting<Self>(
    "metric", type: "one of " + TaskMetric.forms.map { "`\($0)`" }.joined(separator: ", "),
    shownDefault: { ConfigurationReference.code($0.metric.description) },
    summary: "The score keep-best, early stopping and `epochs: auto` select this task's epochs"
      + " on, shown in reports next to accuracy."
  ) { object, key, task throws(ConfigurationError) in
    guard let text = try object.string(key) else { return }
    guard let metric = TaskMetric(text) else {
      throw .invalidChoice(
        path: object.sourceName, key: object.path(key), choices: TaskMetric.forms, found: text)
    }
    task.metric = metric
  }

  /// The task's name, checked to be usable unquoted in file names, options and reports.
  static let nameSetting = ConfigurationSetting<Self>(
    "name", type: "string of letters, digits, `_` and `-`", default: "required",
    summary: "The task's name, unique in the file; it picks the task's labels in multi-task"
      + " files and names it in options and reports."
  ) { object, key, task throws(ConfigurationError) in
    guard let name = try object.string(key) else {
      throw .missingKey(path: object.sourceName, key: object.path(key))
    }
    guard isValidName(name) else {
      throw .invalidTaskName(path: object.sourceName, key: object.path(key), name: name)
    }
    task.name = name
  }

  /// The required training corpus, read after `name`, which its single-label records label.
  private static func corpusSetting(
    _ key: String, _ field: WritableKeyPath<Self, CorpusSource> & Sendable, summary: String,
    subsection: ConfigurationSectionReference
  ) -> ConfigurationSetting<Self> {
    ConfigurationSetting(
      key, type: "path, or mapping with `path`", default: "required", summary: summary,
      subsection: subsection
    ) { object, key, task throws(ConfigurationError) in
      guard let value = object[key] else {
        throw .missingKey(path: object.sourceName, key: object.path(key))
      }
      task[keyPath: field] = try CorpusSource(
        decoding: value, key: key, task: object, taskName: task.name)
    }
  }

  /// An optional corpus, read after `name`, which its single-label records label.
  private static func corpusSetting(
    _ key: String, _ field: WritableKeyPath<Self, CorpusSource?> & Sendable, summary: String
  ) -> ConfigurationSetting<Self> {
    ConfigurationSetting(
      key, type: "path, or mapping with `path`", default: "none",
      summary: summary
    ) { object, key, task throws(ConfigurationError) in
      guard let value = object[key] else { return }
      task[keyPath: field] = try CorpusSource(
        decoding: value, key: key, task: object, taskName: task.name)
    }
  }
}
