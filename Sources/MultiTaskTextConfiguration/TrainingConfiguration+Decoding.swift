import MultiTaskText

extension TrainingConfiguration {
  /// The keys allowed in the `training` section.
  static let keys = [
    "epochs", "learningRate", "seed", "threads", "sampling", "temperature", "skipInvalid",
    "keepBestEpoch", "weighting", "taskPatience",
  ]

  /// Decodes and range-checks the `training` section.
  init(decoding object: ConfigurationObject) throws(ConfigurationError) {
    try object.checkKeys(Self.keys)
    self.init()
    if let epochs = try object.integer("epochs") {
      try object.require(epochs >= 1, "epochs", expected: "at least 1")
      self.epochs = epochs
    }
    if let learningRate = try object.number("learningRate") {
      try object.require(
        learningRate > 0 && learningRate.isFinite, "learningRate",
        expected: "a finite number greater than 0")
      self.learningRate = learningRate
    }
    if let seed = try object.integer("seed") {
      try object.require(seed >= 0, "seed", expected: "at least 0")
      self.seed = UInt64(seed)
    }
    if let threads = try object.integer("threads") {
      try object.require(
        (1...Self.largestThreadCount).contains(threads), "threads",
        expected: "between 1 and \(Self.largestThreadCount)")
      self.threads = threads
    }
    if let skipInvalid = try object.bool("skipInvalid") { self.skipInvalid = skipInvalid }
    if let keepBestEpoch = try object.bool("keepBestEpoch") { self.keepBestEpoch = keepBestEpoch }
    if let weighting = try object.choice("weighting", of: LossWeighting.self) {
      self.weighting = weighting
    }
    if let patience = try object.integer("taskPatience") {
      try object.require(patience >= 0, "taskPatience", expected: "0 (off) or more epochs")
      taskPatience = patience
    }
    sampling = try Self.decodeSampling(object)
  }

  /// Reads `sampling` and, for temperature sampling only, `temperature`.
  private static func decodeSampling(
    _ object: ConfigurationObject
  ) throws(ConfigurationError) -> TaskSampling {
    let name = try object.choice("sampling", among: TaskSampling.names) ?? "temperature"
    let temperature = try object.number("temperature")
    if let temperature {
      try object.require(
        temperature > 0 && temperature.isFinite, "temperature",
        expected: "a finite number greater than 0")
    }
    switch name {
    case "temperature":
      return .temperature(temperature ?? TaskSampling.defaultTemperature)
    default:
      if temperature != nil {
        throw .conflictingKeys(
          path: object.sourceName, key: object.path("temperature"),
          problem: "applies only when \"\(object.path("sampling"))\" is \"temperature\"")
      }
      switch name {
      case "uniform": return .uniform
      case "annealed": return .annealed
      default: return .proportional
      }
    }
  }
}
