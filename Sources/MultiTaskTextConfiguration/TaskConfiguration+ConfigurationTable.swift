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
        "weight", \.specification.weight, .positive,
        summary: "How much this task's loss counts relative to the others'."),
      .choice(
        "classWeighting", \.specification.classWeighting,
        summary: "`balanced` weights each class by the inverse of its frequency, so rare"
          + " classes are not drowned out."),
      .number(
        "learningRateScale", \.specification.learningRateScale, .positive,
        summary: "Scales the learning rate of this task's head only, not its pull on the"
          + " shared rows."),
      typeSetting,
      lossSetting,
      thresholdsSetting,
      ConfigurationSetting(
        "minProbability", type: "number 0–1", default: "none",
        summary: "For a single-label task, the top probability below which `mtl predict` and"
          + " the reports abstain (`\"label\": null`) instead of guessing; kept in the model."
      ) { object, key, task throws(ConfigurationError) in
        guard let value = try object.number(key) else { return }
        guard (0...1).contains(value) else {
          throw .outOfRange(
            path: object.sourceName, key: object.path(key), expected: "between 0 and 1",
            found: String(value))
        }
        task.specification.minProbability = value
      },
      metricSetting,
      .bool(
        "allowUnlabelled", \.allowUnlabelled, default: "`false`",
        summary: "Accept a training file, read by this task alone, in which most records have"
          + " no label for it; by default that stops the run, since it usually means a"
          + " misspelt label field."),
    ],
    sharedKeys: CorpusSource.sharedSettings.map(\.key))

  /// One label per document or a set; a multi-label task selects on macro-F1 unless its
  /// `metric` says otherwise, since subset accuracy punishes every missed rare label.
  static let typeSetting = ConfigurationSetting<Self>(
    "type", type: ConfigurationReference.choices(TaskType.allCases.map(\.rawValue)),
    shownDefault: { ConfigurationReference.code($0.specification.type.rawValue) },
    summary: "`multiLabel` gives the task a one-vs-all sigmoid head: a document may have any"
      + " set of its labels (JSON lists, several fastText labels, `labelSeparator` cells), and"
      + " its metric defaults to `macroF1`."
  ) { object, key, task throws(ConfigurationError) in
    guard let type = try object.choice(key, of: TaskType.self) else { return }
    task.specification.type = type
    if type == .multiLabel && object["metric"] == nil { task.specification.metric = .macroF1 }
  }

  /// A single-label head's loss; read after `type`, since a multi-label head has its own.
  static let lossSetting = ConfigurationSetting<Self>(
    "loss", type: ConfigurationReference.choices(HeadLoss.allCases.map(\.rawValue)),
    shownDefault: { ConfigurationReference.code($0.specification.loss.rawValue) },
    summary: "How a single-label head trains: `softmax` scores every label; `hierarchical`"
      + " (fastText's `-loss hs`) walks a Huffman tree of the labels built from their counts,"
      + " for thousands of labels; `sampled` (`-loss ns`) trains against"
      + " \(HeadLoss.sampledNegatives) negatives drawn by √count and predicts with the full"
      + " softmax. See `docs/LARGE_LABELS.md`."
  ) { object, key, task throws(ConfigurationError) in
    guard let loss = try object.choice(key, of: HeadLoss.self) else { return }
    if task.specification.type == .multiLabel && loss != .softmax {
      throw .conflictingKeys(
        path: object.sourceName, key: object.path(key),
        problem: "is `\(loss.rawValue)`, which is for single-label tasks; a multi-label task"
          + " already trains one sigmoid per label (remove `loss` or `type: multiLabel`)")
    }
    task.specification.loss = loss
  }

  /// A multi-label task's decision thresholds: a number for every label, or `tuned`.
  static let thresholdsSetting = ConfigurationSetting<Self>(
    "thresholds", type: "`tuned` or number 0–1",
    shownDefault: { ConfigurationReference.code($0.specification.thresholds.description) },
    summary: "For a multi-label task, the probability from which a label is answered; `tuned`"
      + " picks one per label on dev to maximise its F1 and stores them in the model."
  ) { object, key, task throws(ConfigurationError) in
    if case .string(let text) = object[key], text == "tuned" {
      task.specification.thresholds = .tuned
      return
    }
    guard let value = try object.number(key, .positive) else { return }
    guard value < 1 else {
      throw .outOfRange(
        path: object.sourceName, key: object.path(key), expected: "between 0 and 1",
        found: String(value))
    }
    task.specification.thresholds = .fixed(value)
  }

  /// The score the task's epochs are selected on, in its textual form.
  static let metricSetting = ConfigurationSetting<Self>(
    "metric", type: "one of " + TaskMetric.forms.map { "`\($0)`" }.joined(separator: ", "),
    shownDefault: { ConfigurationReference.code($0.specification.metric.description) },
    summary: "The score keep-best, early stopping and `epochs: auto` select this task's epochs"
      + " on, shown in reports next to accuracy."
  ) { object, key, task throws(ConfigurationError) in
    guard let text = try object.string(key) else { return }
    guard let metric = TaskMetric(text) else {
      throw .invalidChoice(
        path: object.sourceName, key: object.path(key), choices: TaskMetric.forms, found: text)
    }
    task.specification.metric = metric
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
