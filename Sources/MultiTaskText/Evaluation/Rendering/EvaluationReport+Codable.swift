import Foundation

/// The versioned JSON layout of a report.
///
/// Tasks are keyed by name so `tasks.<name>.accuracy` sits at a fixed path for scripts, and
/// `taskOrder` keeps the model's order, which a JSON object does not. Derived scores (accuracy,
/// F1, per-class rows) are written for readers but recomputed from the confusion matrix when
/// decoding, so a report read back is exactly the one written. A non-finite number, which JSON
/// cannot hold, is written as `null`.
extension EvaluationReport: Codable {
  enum CodingKeys: String, CodingKey {
    case schemaVersion, model, taskOrder, tasks, summary, history, tuning, run
  }

  enum SummaryKeys: String, CodingKey {
    case accuracy, macroF1
  }

  /// Writes the report; throws `EncodingError` when two tasks share a name.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.currentSchemaVersion, forKey: .schemaVersion)
    try container.encodeIfPresent(modelPath, forKey: .model)
    let names = tasks.map(\.name)
    guard Set(names).count == names.count else {
      throw EncodingError.invalidValue(
        names,
        .init(codingPath: encoder.codingPath, debugDescription: "two tasks share a name"))
    }
    try container.encode(names, forKey: .taskOrder)
    var taskContainer = container.nestedContainer(keyedBy: AnyKey.self, forKey: .tasks)
    for task in tasks { try taskContainer.encode(task, forKey: AnyKey(task.name)) }
    var summaryContainer = container.nestedContainer(keyedBy: SummaryKeys.self, forKey: .summary)
    try summaryContainer.encodeFinite(summary.accuracy, forKey: .accuracy)
    try summaryContainer.encodeFinite(summary.macroF1, forKey: .macroF1)
    if let history { try container.encode(JSONHistory(history), forKey: .history) }
    try container.encodeIfPresent(tuning, forKey: .tuning)
    try container.encodeIfPresent(run, forKey: .run)
  }

  /// Reads a report, rejecting a schema newer than ``currentSchemaVersion``.
  ///
  /// - Throws: ``ReportDecodingError`` for a newer schema or inconsistent content, and
  ///   `DecodingError` for missing or mistyped fields.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.decode(Int.self, forKey: .schemaVersion)
    guard version >= 1 else { throw ReportDecodingError.invalidSchemaVersion(version) }
    guard version <= Self.currentSchemaVersion else {
      throw ReportDecodingError.newerSchema(found: version, supported: Self.currentSchemaVersion)
    }
    let order = try container.decode([String].self, forKey: .taskOrder)
    let byName = try container.decode([String: TaskReport].self, forKey: .tasks)
    let missing = order.filter { byName[$0] == nil }
    let unlisted = byName.keys.filter { !order.contains($0) }.sorted()
    guard missing.isEmpty, unlisted.isEmpty, Set(order).count == order.count else {
      throw ReportDecodingError.taskOrderMismatch(missing: missing, unlisted: unlisted)
    }
    self.init(
      modelPath: try container.decodeIfPresent(String.self, forKey: .model),
      tasks: order.compactMap { name in
        byName[name].map {
          var task = $0; task.name = name; return task
        }
      },
      history: try container.decodeIfPresent(JSONHistory.self, forKey: .history)?.history)
    tuning = try container.decodeIfPresent(TuningSummary.self, forKey: .tuning)
    run = try container.decodeIfPresent(RunProvenance.self, forKey: .run)
  }

  /// Reads a report from JSON bytes, as written by ``JSONReportRenderer``.
  ///
  /// - Throws: ``ReportDecodingError`` or `DecodingError`.
  public init(json: some Collection<UInt8>) throws {
    self = try JSONDecoder().decode(EvaluationReport.self, from: Data(json))
  }
}

/// A coding key made from any string: task names are data, not a closed set.
struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension KeyedEncodingContainer {
  /// Writes `value`, or `null` when it is NaN or infinite (which JSON cannot represent).
  mutating func encodeFinite(_ value: Double, forKey key: Key) throws {
    if value.isFinite { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
}

extension KeyedDecodingContainer {
  /// Reads a number written by `encodeFinite`: `null` comes back as NaN.
  func decodeFinite(forKey key: Key) throws -> Double {
    try decodeNil(forKey: key) ? .nan : decode(Double.self, forKey: key)
  }
}
