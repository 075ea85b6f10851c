/// A trial's JSON form reads every field added since the first reports as optional, so a
/// `report.json` written by an earlier `mtl tune` still loads.
extension TuningSummary.Point {
  enum CodingKeys: String, CodingKey {
    case trial, score, finishedAt, outcome, seconds, parameters, epochs, keptEpoch, settings,
      failure
  }

  /// Reads a trial; the fields later reports added default to a scored (or, without a score,
  /// failed) trial with no cost or settings recorded.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      trial: try container.decode(Int.self, forKey: .trial),
      score: try container.decodeIfPresent(Double.self, forKey: .score),
      finishedAt: try container.decode(Double.self, forKey: .finishedAt))
    outcome = try container.decodeIfPresent(TuningSummary.Outcome.self, forKey: .outcome) ?? outcome
    seconds = try container.decodeIfPresent(Double.self, forKey: .seconds) ?? 0
    parameters = try container.decodeIfPresent(Int.self, forKey: .parameters) ?? 0
    epochs = try container.decodeIfPresent(Int.self, forKey: .epochs) ?? 0
    keptEpoch = try container.decodeIfPresent(Int.self, forKey: .keptEpoch) ?? 0
    settings = try container.decodeIfPresent([String].self, forKey: .settings) ?? []
    failure = try container.decodeIfPresent(String.self, forKey: .failure)
  }

  /// Writes a trial; a non-finite time is written as 0, a missing score as `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(trial, forKey: .trial)
    if let score {
      try container.encode(score, forKey: .score)
    } else {
      try container.encodeNil(forKey: .score)
    }
    try container.encode(finishedAt, forKey: .finishedAt)
    try container.encode(outcome, forKey: .outcome)
    try container.encode(seconds.isFinite ? seconds : 0, forKey: .seconds)
    try container.encode(parameters, forKey: .parameters)
    try container.encode(epochs, forKey: .epochs)
    try container.encode(keptEpoch, forKey: .keptEpoch)
    try container.encode(settings, forKey: .settings)
    try container.encodeIfPresent(failure, forKey: .failure)
  }
}
