/// ``TrainingHistory`` as the report writes it: like its synthesized `Codable` form, but with a
/// diverged (NaN or infinite) loss written as `null` rather than making the encoder throw.
struct JSONHistory: Codable {
  /// The history being written or read.
  var history: TrainingHistory

  init(_ history: TrainingHistory) { self.history = history }

  enum CodingKeys: String, CodingKey {
    case epochs, devMetrics, keptEpoch, seconds, advice, characterNgrams
  }

  enum EpochKeys: String, CodingKey {
    case epoch, loss, devAccuracy, devScore
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    var epochs = container.nestedUnkeyedContainer(forKey: .epochs)
    for record in history.epochs {
      var item = epochs.nestedContainer(keyedBy: EpochKeys.self)
      try item.encode(record.epoch, forKey: .epoch)
      try item.encode(Self.finite(record.loss), forKey: .loss)
      try item.encode(Self.finite(record.devAccuracy), forKey: .devAccuracy)
      if !record.devScore.isEmpty {
        try item.encode(Self.finite(record.devScore), forKey: .devScore)
      }
    }
    if !history.devMetrics.isEmpty {
      try container.encode(history.devMetrics, forKey: .devMetrics)
    }
    try container.encodeIfPresent(history.keptEpoch, forKey: .keptEpoch)
    try container.encodeFinite(history.seconds, forKey: .seconds)
    if !history.advice.isEmpty { try container.encode(history.advice, forKey: .advice) }
    try container.encodeIfPresent(history.characterNgrams, forKey: .characterNgrams)
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var epochs = try container.nestedUnkeyedContainer(forKey: .epochs)
    var records: [TrainingHistory.Epoch] = []
    while !epochs.isAtEnd {
      let item = try epochs.nestedContainer(keyedBy: EpochKeys.self)
      records.append(
        TrainingHistory.Epoch(
          epoch: try item.decode(Int.self, forKey: .epoch),
          loss: try item.decode([String: Double?].self, forKey: .loss).mapValues { $0 ?? .nan },
          devAccuracy: try item.decode([String: Double?].self, forKey: .devAccuracy)
            .mapValues { $0 ?? .nan },
          devScore: try item.decodeIfPresent([String: Double?].self, forKey: .devScore)?
            .mapValues { $0 ?? .nan } ?? [:]))
    }
    history = TrainingHistory(
      epochs: records,
      keptEpoch: try container.decodeIfPresent(Int.self, forKey: .keptEpoch),
      seconds: try container.decodeFinite(forKey: .seconds),
      advice: try container.decodeIfPresent([String].self, forKey: .advice) ?? [],
      characterNgrams: try container.decodeIfPresent(
        CharacterNgramChoice.self, forKey: .characterNgrams))
    history.devMetrics =
      try container.decodeIfPresent([String: TaskMetric].self, forKey: .devMetrics) ?? [:]
  }

  private static func finite(_ values: [String: Double]) -> [String: Double?] {
    values.mapValues { $0.isFinite ? $0 : nil }
  }
}
