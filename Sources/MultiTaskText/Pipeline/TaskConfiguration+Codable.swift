extension TaskConfiguration: Codable {
  /// The keys of the sources. The specification's own keys sit beside them in one flat
  /// object, as in configuration files and in reports written before the specification was a
  /// type of its own.
  private enum CodingKeys: String, CodingKey {
    case train, dev, test, allowUnlabelled
  }

  /// Decodes the flat form ``encode(to:)`` writes.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      try TaskSpecification(from: decoder),
      train: try container.decode(CorpusSource.self, forKey: .train),
      dev: try container.decodeIfPresent(CorpusSource.self, forKey: .dev),
      test: try container.decodeIfPresent(CorpusSource.self, forKey: .test))
    allowUnlabelled = try container.decodeIfPresent(Bool.self, forKey: .allowUnlabelled)
  }

  /// Encodes the specification's keys and the sources' into one object.
  public func encode(to encoder: any Encoder) throws {
    try specification.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(train, forKey: .train)
    try container.encodeIfPresent(dev, forKey: .dev)
    try container.encodeIfPresent(test, forKey: .test)
    try container.encodeIfPresent(allowUnlabelled, forKey: .allowUnlabelled)
  }
}
