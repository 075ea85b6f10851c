import Foundation
import MultiTaskText

/// The `run` record every report carries, from what the command knows: its version, the
/// effective configuration, and the checksum of the model file it wrote.
enum Provenance {
  /// The record for `model`, just trained and being written with checksum `modelChecksum`
  /// (from ``ModelFile/prepareWithChecksum(_:to:)``), without encoding the model again.
  static func record(
    configuration: PipelineConfiguration?, model: MultiTaskModel, modelChecksum: UInt32,
    history: TrainingHistory?
  ) throws -> RunProvenance {
    var record = try RunProvenance(
      mtlVersion: MTL.configuration.version, configuration: configuration, model: model,
      history: history)
    record.modelChecksum = String(format: "%08x", modelChecksum)
    return record
  }
}
