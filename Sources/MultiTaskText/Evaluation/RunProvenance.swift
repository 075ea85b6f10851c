import Foundation

/// Where a report came from: the program, when, the full effective configuration, the seed
/// and threads, which epoch was kept and why, the model file's checksum and the ICU version.
///
/// A report read weeks later, or next to another one, must say what produced it; without
/// this, two `report.json` files with different numbers cannot be told apart from the
/// outside. The configuration is the effective one, after `--set` and defaults, so a run can
/// be repeated from the report alone.
public struct RunProvenance: Sendable, Equatable, Codable {
  /// The version of the `mtl` that wrote the report.
  public var mtlVersion: String
  /// When the report was made, ISO 8601 in UTC.
  public var createdAt: String
  /// The effective configuration of the run that trained the model, as the JSON it encodes
  /// to, when the report follows training; nil for `mtl eval` of a model file.
  public var configuration: RecordedJSON?
  /// The random seed.
  public var seed: UInt64?
  /// The training threads.
  public var threads: Int?
  /// The epoch whose parameters the model kept.
  public var keptEpoch: Int?
  /// Why that epoch: the dev score it was best on, or that it was the last.
  public var keptBecause: String?
  /// The model file's CRC-32C, in hexadecimal, as `/v1/model` and the file's trailer give it.
  public var modelChecksum: String?
  /// The ICU version the model's text was segmented with.
  public var icuVersion: String

  /// Creates a record of a run that trained several models and wrote none, such as
  /// `mtl compare`'s.
  ///
  /// - Parameters:
  ///   - mtlVersion: The program's version.
  ///   - createdAt: When.
  ///   - recordedConfiguration: The effective configuration, as JSON.
  ///   - seed: The run's random seed.
  ///   - threads: The run's training threads.
  public init(
    mtlVersion: String, createdAt: Date = Date(), recordedConfiguration: RecordedJSON,
    seed: UInt64, threads: Int
  ) {
    self.mtlVersion = mtlVersion
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    self.createdAt = formatter.string(from: createdAt)
    self.configuration = recordedConfiguration
    self.seed = seed
    self.threads = threads
    icuVersion = ICU.version
  }

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - mtlVersion: The program's version.
  ///   - createdAt: When, ISO 8601.
  ///   - recordedConfiguration: The effective configuration as JSON, if the report follows
  ///     training.
  ///   - seed: The run's seed, if it is not the one the model records.
  ///   - threads: The run's training threads, if not those the model records.
  ///   - model: The model the report is about.
  ///   - modelBytes: The model file's bytes, for its checksum.
  ///   - history: The training history, for the kept epoch.
  public init(
    mtlVersion: String, createdAt: Date = Date(), recordedConfiguration: RecordedJSON?,
    seed: UInt64? = nil, threads: Int? = nil, model: MultiTaskModel, modelBytes: [UInt8]? = nil,
    history: TrainingHistory? = nil
  ) {
    self.mtlVersion = mtlVersion
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    self.createdAt = formatter.string(from: createdAt)
    self.configuration = recordedConfiguration
    self.seed = seed ?? model.manifest.training.seed
    self.threads = threads ?? model.manifest.training.threads
    icuVersion = model.manifest.icuVersion
    // The file's trailer: the CRC-32C of every byte before its last four.
    modelChecksum = modelBytes.map { String(format: "%08x", Checksum.of($0.dropLast(4))) }
    if let history {
      keptEpoch = history.keptEpoch ?? history.epochs.last?.epoch
      let metrics = model.manifest.tasks.map { task in
        "\(task.name) \(task.metric?.description ?? (task.isMultiLabel ? "macroF1" : "accuracy"))"
      }
      keptBecause =
        history.keptEpoch == nil
        ? "the last epoch"
        : "the best mean dev score (" + metrics.joined(separator: ", ") + ")"
    }
  }
}
