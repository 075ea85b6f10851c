import MultiTaskText

extension TrainingConfiguration {
  /// The settings of the `training` section.
  static let configurationTable = ConfigurationTable(
    summary: "How long and how fast to train, from which seed, on how many threads, and how"
      + " the tasks are interleaved and weighted.",
    defaults: TrainingConfiguration(),
    settings: [
      epochsSetting,
      maxEpochsSetting,
      .integer(
        "patience", \.patience, .between(1, largestEpochCount),
        summary: "With `epochs: auto`, the dev plateaus in a row before training stops; each"
          + " plateau goes back to the best epoch and halves the learning rate."),
      .number(
        "learningRate", \.learningRate, .positive,
        summary: "The initial learning rate: decayed linearly to 0 with fixed epochs, halved on"
          + " each dev plateau with `epochs: auto`."),
      seedSetting,
      .integer(
        "threads", \.threads, .between(1, largestThreadCount),
        summary: "Worker threads for reading, tokenizing and training; with `reproducible` on,"
          + " every count gives the same model as 1."),
      .bool(
        "reproducible", \.reproducible,
        summary: "Train in rounds of fixed shards merged in a fixed order, so a seed gives a"
          + " byte-identical model on any number of threads; `false` trains lock-free"
          + " (Hogwild), whose model changes from run to run."),
      samplingSetting,
      temperatureSetting,
      .bool(
        "skipInvalid", \.skipInvalid,
        summary: "Skip and count malformed corpus records instead of stopping; the default"
          + " for every corpus file that does not set `skipInvalid` itself."),
      .bool(
        "calibrate", \.calibrate,
        summary: "Fit each single-label task's softmax temperature on dev data after training,"
          + " so probabilities are calibrated; labels are unchanged."),
      .bool(
        "fitBiases", \.fitBiases,
        summary: "Fit one score bias per label on dev data for each single-label task whose"
          + " metric is not accuracy (macroF1, macroRecall, f1:, f1avg:), kept only when it"
          + " improves the metric on held-out halves of dev."),
      .bool(
        "keepBestEpoch", \.keepBestEpoch,
        summary: "Keep the epoch with the best mean dev accuracy instead of the last; needs a"
          + " dev file."),
      .choice(
        "weighting", \.weighting,
        summary: "How the tasks' losses are weighted against each other; see"
          + " `docs/MULTITASK.md`."),
      .integer(
        "taskPatience", \.taskPatience, .between(0, largestEpochCount),
        summary: "Per-task early stopping: epochs without a better dev accuracy before a task"
          + " stops and keeps its best head; 0 turns it off."),
      optimizerSetting,
      memoryBudgetSetting,
      ConfigurationSetting(
        "cacheDirectory", type: "path", default: "`TMPDIR`, else `/tmp`",
        summary: "Where a corpus larger than `memoryBudget` is cached; its files are unlinked"
          + " as soon as they are made, so they vanish with the process."
      ) { object, key, training throws(ConfigurationError) in
        if let path = try object.string(key) { training.cacheDirectory = object.resolve(path) }
      },
      ConfigurationSetting(
        "initialModel", type: "path", default: "none",
        summary: "A model file to continue training from: its rows and heads start the run,"
          + " and new words, labels and tasks are added; its text and feature settings must"
          + " be these."
      ) { object, key, training throws(ConfigurationError) in
        if let path = try object.string(key) { training.initialModel = object.resolve(path) }
      },
    ])

  /// The most epochs a file may ask for (100,000): far beyond any useful run, and small
  /// enough that no count of steps derived from it can overflow.
  static let largestEpochCount = 100_000

  /// `auto`, or a fixed number of passes.
  private static let epochsSetting = ConfigurationSetting<Self>(
    "epochs", type: "`auto` or integer 1–\(largestEpochCount)",
    shownDefault: { $0.automaticEpochs ? "`auto`" : ConfigurationReference.code($0.epochs) },
    summary: "Passes over the training data; `auto` trains while the dev score improves (on a"
      + " held-out tenth of the training data when no task has a dev file) and keeps the best"
      + " epoch."
  ) { object, key, training throws(ConfigurationError) in
    if case .string(let text) = object[key], text == "auto" {
      training.epochCount = .automatic(maximum: defaultMaximumEpochs)
      return
    }
    if let epochs = try object.integer(key, .between(1, largestEpochCount)) {
      training.epochCount = .fixed(epochs)
    }
  }

  /// The most epochs of `epochs: auto`; it follows `epochs` in the table.
  private static let maxEpochsSetting = ConfigurationSetting<Self>(
    "maxEpochs",
    type: ConfigurationReference.kind("integer", ConfigurationRule.between(1, largestEpochCount)),
    shownDefault: { _ in ConfigurationReference.code(defaultMaximumEpochs) },
    summary: "With `epochs: auto`, the most epochs trained."
  ) { object, key, training throws(ConfigurationError) in
    guard let maximum = try object.integer(key, .between(1, largestEpochCount)) else { return }
    guard training.automaticEpochs else {
      throw .conflictingKeys(
        path: object.sourceName, key: object.path(key),
        problem: "applies only when \"\(object.path("epochs"))\" is \"auto\"")
    }
    training.epochCount = .automatic(maximum: maximum)
  }

  /// The memory budget: a size, or `none` for no limit.
  private static let memoryBudgetSetting = ConfigurationSetting<Self>(
    "memoryBudget", type: "size (`512MiB`, `4GB`, bytes) or `none`",
    shownDefault: {
      $0.memoryBudget.map { ConfigurationReference.code(binarySize($0)) } ?? "`none`"
    },
    summary: "The memory the training corpus may take, half for its tokens while reading and"
      + " half for its features while training; a larger corpus is cached on disk and"
      + " streamed in shards, so memory stays flat. `none` keeps every corpus in memory."
  ) { object, key, training throws(ConfigurationError) in
    guard let value = object[key] else { return }
    let expected = "a size such as 512MiB or 4GB (at least 1MiB), or none"
    switch value {
    case .string("none"):
      training.memoryBudget = nil
      return
    case .integer(let bytes) where bytes >= 1 << 20:
      training.memoryBudget = bytes
      return
    case .string(let text):
      if let bytes = ByteCount.parse(text), bytes >= 1 << 20 {
        training.memoryBudget = bytes
        return
      }
      throw .outOfRange(
        path: object.sourceName, key: object.path(key), expected: expected, found: text)
    case .integer(let bytes):
      throw .outOfRange(
        path: object.sourceName, key: object.path(key), expected: expected, found: "\(bytes)")
    default:
      throw .wrongType(
        path: object.sourceName, key: object.path(key), expected: expected, found: value.found)
    }
  }

  /// `bytes` in the largest binary unit that divides it, as the reference shows the default.
  private static func binarySize(_ bytes: Int) -> String {
    for (suffix, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)]
    where bytes > 0 && bytes % (1 << shift) == 0 {
      return "\(bytes >> shift)\(suffix)"
    }
    return "\(bytes)"
  }

  /// The optimizer; `sgd` without a `learningRate` of its own starts at fastText's 0.5, since
  /// the default rate suits AdaGrad. It follows `learningRate` in the table.
  private static let optimizerSetting = ConfigurationSetting<Self>(
    "optimizer", type: ConfigurationReference.choices(Optimizer.allCases.map(\.rawValue)),
    shownDefault: { ConfigurationReference.code($0.optimizer.rawValue) },
    summary: "How gradients become steps: `adagrad`, one adaptive rate per row, so the step"
      + " does not depend on document length; or `sgd`, fastText's (learning rate 0.5 unless"
      + " set)."
  ) { object, key, training throws(ConfigurationError) in
    guard let optimizer = try object.choice(key, of: Optimizer.self) else { return }
    training.optimizer = optimizer
    if optimizer == .sgd && object["learningRate"] == nil { training.learningRate = 0.5 }
  }

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
