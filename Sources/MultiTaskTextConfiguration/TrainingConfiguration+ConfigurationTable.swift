import MultiTaskText

extension TrainingConfiguration {
  /// The settings of the `training` section.
  static let configurationTable = ConfigurationTable(
    summary: "How long and how fast to train, from which seed, on how many threads, and how"
      + " the tasks are interleaved and weighted.",
    defaults: TrainingConfiguration(),
    settings: [
      .integer("epochs", \.epochs, .atLeast(1), summary: "Passes over the training data."),
      .number(
        "learningRate", \.learningRate, .positive,
        summary: "The initial learning rate, decayed linearly to 0."),
      seedSetting,
      .integer(
        "threads", \.threads, .between(1, largestThreadCount),
        summary: "Worker threads; more than 1 trains lock-free in parallel (Hogwild), faster"
          + " but not reproducible."),
      samplingSetting,
      temperatureSetting,
      .bool(
        "skipInvalid", \.skipInvalid,
        summary: "Skip and count malformed corpus records instead of stopping; the default"
          + " for every corpus file that does not set `skipInvalid` itself."),
      .bool(
        "keepBestEpoch", \.keepBestEpoch,
        summary: "Keep the epoch with the best mean dev accuracy instead of the last; needs a"
          + " dev file."),
      .choice(
        "weighting", \.weighting,
        summary: "How the tasks' losses are weighted against each other; see"
          + " `docs/MULTITASK.md`."),
      .integer(
        "taskPatience", \.taskPatience, .atLeast(0, expected: "0 (off) or more epochs"),
        summary: "Per-task early stopping: epochs without a better dev accuracy before a task"
          + " stops and keeps its best head; 0 turns it off."),
    ])

  /// The seed, written as a non-negative integer and stored unsigned.
  private static let seedSetting = ConfigurationSetting<Self>(
    "seed", type: ConfigurationReference.kind("integer", ConfigurationRule.atLeast(0)),
    shownDefault: { ConfigurationReference.code(String($0.seed)) },
    summary: "The seed every random stream (initialization, shuffling, task sampling) is"
      + " derived from."
  ) { object, key, training throws(ConfigurationError) in
    if let seed = try object.integer(key, .atLeast(0)) { training.seed = UInt64(seed) }
  }

  /// The key of the sampling strategy, which the `temperature` error names.
  private static let samplingKey = "sampling"

  /// The sampling strategy by name; temperature sampling starts at the default temperature.
  private static let samplingSetting = ConfigurationSetting<Self>(
    samplingKey, type: ConfigurationReference.choices(TaskSampling.names),
    shownDefault: { ConfigurationReference.code($0.sampling.name) },
    summary: "How the next example's task is drawn: in proportion to task size, to"
      + " size^(1/`temperature`), equally, or annealed from proportional towards uniform."
  ) { object, key, training throws(ConfigurationError) in
    switch try object.choice(key, among: TaskSampling.names) {
    case nil: break
    case "temperature": training.sampling = .temperature(TaskSampling.defaultTemperature)
    case "uniform": training.sampling = .uniform
    case "annealed": training.sampling = .annealed
    default: training.sampling = .proportional
    }
  }

  /// The temperature of temperature sampling, an error with any other strategy. It follows
  /// `sampling` in the table, so the strategy is known when it is read.
  private static let temperatureSetting = ConfigurationSetting<Self>(
    "temperature", type: ConfigurationReference.kind("number", ConfigurationRule.positive),
    shownDefault: { _ in ConfigurationReference.code(TaskSampling.defaultTemperature) },
    summary: "The T of temperature sampling; only with `sampling: temperature`."
  ) { object, key, training throws(ConfigurationError) in
    guard let temperature = try object.number(key, .positive) else { return }
    guard case .temperature = training.sampling else {
      let strategy = TaskSampling.temperature(temperature).name
      throw .conflictingKeys(
        path: object.sourceName, key: object.path(key),
        problem: "applies only when \"\(object.path(samplingKey))\" is \"\(strategy)\"")
    }
    training.sampling = .temperature(temperature)
  }
}
