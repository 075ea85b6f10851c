/// A multi-label report as `report.json` writes it: the headline figures first, for
/// readers, then the counts they come from, which reading the report back needs.
struct JSONMultiLabel: Codable {
  var report: MultiLabelReport

  init(_ report: MultiLabelReport) { self.report = report }

  enum CodingKeys: String, CodingKey {
    case microF1, macroF1, sampleF1, subsetAccuracy, hammingLoss, thresholds, confusedPairs
    case labels, counts
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeFinite(report.counts.microF1, forKey: .microF1)
    try container.encodeFinite(report.counts.macroF1, forKey: .macroF1)
    try container.encodeFinite(report.counts.sampleF1, forKey: .sampleF1)
    try container.encodeFinite(report.counts.subsetAccuracy, forKey: .subsetAccuracy)
    try container.encodeFinite(report.counts.hammingLoss, forKey: .hammingLoss)
    try container.encode(report.thresholds, forKey: .thresholds)
    try container.encode(report.confusedPairs, forKey: .confusedPairs)
    try container.encode(report.labels, forKey: .labels)
    try container.encode(report.counts, forKey: .counts)
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let labels = try container.decode([String].self, forKey: .labels)
    var stored = MultiLabelReport(
      labels: labels, counts: try container.decode(MultiLabelCounts.self, forKey: .counts),
      thresholds: try container.decode([Float].self, forKey: .thresholds), pairCounts: [])
    stored.confusedPairs = try container.decode(
      [MultiLabelReport.ConfusedPair].self, forKey: .confusedPairs)
    report = stored
  }
}

/// Abstentions as `report.json` writes them: the counts, then coverage and accuracy on the
/// answered documents, which reading back recomputes.
struct JSONAbstention: Codable {
  var report: AbstentionReport

  init(_ report: AbstentionReport) { self.report = report }

  enum CodingKeys: String, CodingKey {
    case minimumProbability, documents, noKnownTokens, belowMinimum, answeredCorrect
    case coverage, answeredAccuracy
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(report.minimumProbability, forKey: .minimumProbability)
    try container.encode(report.documents, forKey: .documents)
    try container.encode(report.noKnownTokens, forKey: .noKnownTokens)
    try container.encode(report.belowMinimum, forKey: .belowMinimum)
    try container.encode(report.answeredCorrect, forKey: .answeredCorrect)
    try container.encodeFinite(report.coverage, forKey: .coverage)
    try container.encodeFinite(report.answeredAccuracy, forKey: .answeredAccuracy)
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var report = AbstentionReport()
    report.minimumProbability = try container.decodeIfPresent(
      Float.self, forKey: .minimumProbability)
    report.documents = try container.decode(Int.self, forKey: .documents)
    report.noKnownTokens = try container.decode(Int.self, forKey: .noKnownTokens)
    report.belowMinimum = try container.decode(Int.self, forKey: .belowMinimum)
    report.answeredCorrect = try container.decode(Int.self, forKey: .answeredCorrect)
    self.report = report
  }
}
