extension TaskConfiguration: Codable {
  /// One flat object, the specification's keys among the sources', as configurations and the
  /// reports written before the specification was a type of its own have it.
  private enum CodingKeys: String, CodingKey {
    case name, train, dev, test, weight, classWeighting, learningRateScale, metric, type
    case thresholds, minProbability, loss, allowUnlabelled
  }

  /// Decodes the flat form ``encode(to:)`` writes.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var specification = TaskSpecification(
      name: try container.decode(String.self, forKey: .name),
      weight: try container.decode(Double.self, forKey: .weight),
      classWeighting: try container.decode(ClassWeighting.self, forKey: .classWeighting),
      learningRateScale: try container.decode(Double.self, forKey: .learningRateScale),
      metric: try container.decode(TaskMetric.self, forKey: .metric))
    specification.type = try container.decode(TaskType.self, forKey: .type)
    specification.thresholds = try container.decode(ThresholdChoice.self, forKey: .thresholds)
    specification.minProbability = try container.decodeIfPresent(
      Double.self, forKey: .minProbability)
    specification.loss = try container.decode(HeadLoss.self, forKey: .loss)
    self.init(
      specification, train: try container.decode(CorpusSource.self, forKey: .train),
      dev: try container.decodeIfPresent(CorpusSource.self, forKey: .dev),
      test: try container.decodeIfPresent(CorpusSource.self, forKey: .test))
    allowUnlabelled = try container.decodeIfPresent(Bool.self, forKey: .allowUnlabelled)
  }

  /// Encodes the task as one flat object, keys in the order of ``CodingKeys``.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(specification.name, forKey: .name)
    try container.encode(train, forKey: .train)
    try container.encodeIfPresent(dev, forKey: .dev)
    try container.encodeIfPresent(test, forKey: .test)
    try container.encode(specification.weight, forKey: .weight)
    try container.encode(specification.classWeighting, forKey: .classWeighting)
    try container.encode(specification.learningRateScale, forKey: .learningRateScale)
    try container.encode(specification.metric, forKey: .metric)
    try container.encode(specification.type, forKey: .type)
    try container.encode(specification.thresholds, forKey: .thresholds)
    try container.encodeIfPresent(specification.minProbability, forKey: .minProbability)
    try container.encode(specification.loss, forKey: .loss)
    try container.encodeIfPresent(allowUnlabelled, forKey: .allowUnlabelled)
  }
}
