/// Single-task against multi-task results for every task: the answer to "does training my
/// tasks together help?".
public struct ComparisonReport: Sendable, Equatable, Codable {
  /// The version of the JSON layout: 2 writes differences as fractions, with the paired
  /// test, structured settings and the run record.
  public static let currentSchemaVersion = 2

  /// One task's scores trained alone and trained jointly.
  public struct Row: Sendable, Equatable, Codable {
    /// Test accuracy and macro-F1.
    public struct Scores: Sendable, Equatable, Codable {
      /// Test accuracy, a fraction in 0...1.
      public var accuracy: Double
      /// Test macro-F1, in 0...1: the unweighted mean of per-label F1 over the labels that occur
      /// in the test data or are predicted.
      public var macroF1: Double
    }

    /// The task's name.
    public var task: String
    /// The test file.
    public var file: String
    /// The number of test examples.
    public var examples: Int
    /// Trained alone, with the same settings and seed.
    public var single: Scores
    /// Trained with every task of the configuration.
    public var multi: Scores

    /// Multi-task minus single-task accuracy, as a fraction like every other figure.
    public var accuracyChange: Double { multi.accuracy - single.accuracy }
    /// Multi-task minus single-task macro-F1.
    public var macroF1Change: Double { multi.macroF1 - single.macroF1 }
    /// Whether joint training lowered the task's accuracy: negative transfer.
    public var isNegativeTransfer: Bool { paired?.isSignificantLoss ?? false }
    /// The paired test of the two models on the same test documents.
    public var paired: PairedDifference?

    private enum CodingKeys: String, CodingKey {
      case task, file, examples, single, multi, accuracyChange, macroF1Change, negativeTransfer
      case paired
    }

    /// Creates a row from the task's name, test file and example count and both runs' scores.
    public init(task: String, file: String, examples: Int, single: Scores, multi: Scores) {
      self.task = task
      self.file = file
      self.examples = examples
      self.single = single
      self.multi = multi
    }

    /// Decodes a row; the derived fields (`accuracyChange`, `macroF1Change`,
    /// `negativeTransfer`) are ignored and recomputed from the scores.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      task = try container.decode(String.self, forKey: .task)
      file = try container.decode(String.self, forKey: .file)
      examples = try container.decode(Int.self, forKey: .examples)
      single = try container.decode(Scores.self, forKey: .single)
      multi = try container.decode(Scores.self, forKey: .multi)
      paired = try container.decodeIfPresent(PairedDifference.self, forKey: .paired)
    }

    /// Encodes the row together with its derived fields, so the JSON can be read without
    /// recomputing them.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(task, forKey: .task)
      try container.encode(file, forKey: .file)
      try container.encode(examples, forKey: .examples)
      try container.encode(single, forKey: .single)
      try container.encode(multi, forKey: .multi)
      try container.encode(accuracyChange, forKey: .accuracyChange)
      try container.encode(macroF1Change, forKey: .macroF1Change)
      try container.encode(isNegativeTransfer, forKey: .negativeTransfer)
      try container.encodeIfPresent(paired, forKey: .paired)
    }
  }

  /// The layout version.
  public var schemaVersion = Self.currentSchemaVersion
  /// One row per task, in configuration order.
  public var rows: [Row]
  /// The settings both runs used.
  public var settings: ComparisonSettings
  /// What produced the report: program, time, configuration, seed.
  public var run: RunProvenance?
  /// Wall-clock seconds of the joint (multi-task) run.
  public var jointSeconds: Double
  /// Wall-clock seconds of all single-task runs together.
  public var singleSeconds: Double

  /// Creates a report.
  public init(
    rows: [Row], settings: ComparisonSettings, jointSeconds: Double, singleSeconds: Double
  ) {
    self.rows = rows
    self.settings = settings
    self.jointSeconds = jointSeconds
    self.singleSeconds = singleSeconds
  }

  /// Mean single-task and multi-task macro-F1 over the tasks.
  public var meanMacroF1: (single: Double, multi: Double) {
    guard !rows.isEmpty else { return (0, 0) }
    let count = Double(rows.count)
    return (
      rows.reduce(0) { $0 + $1.single.macroF1 } / count,
      rows.reduce(0) { $0 + $1.multi.macroF1 } / count
    )
  }

  /// Mean single-task and multi-task accuracy (0...1) over the tasks.
  public var meanAccuracy: (single: Double, multi: Double) {
    guard !rows.isEmpty else { return (0, 0) }
    let count = Double(rows.count)
    return (
      rows.reduce(0) { $0 + $1.single.accuracy } / count,
      rows.reduce(0) { $0 + $1.multi.accuracy } / count
    )
  }

  /// The largest loss in accuracy of any task, as a fraction (0 when none loses).
  public var worstChange: Double { rows.map(\.accuracyChange).min() ?? 0 }
}
