import Foundation
import MultiTaskText

/// The `run` record every report carries, from what the command knows: its version, the
/// effective configuration, and the model file it wrote or read.
enum Provenance {
  /// The record for `model`. Its checksum comes from the model file at `modelPath` when it
  /// was read from there, and from the model's own bytes when the run just trained it: the
  /// new file is renamed into place only after the reports are ready, so the path may still
  /// hold the previous model.
  static func record(
    configuration: PipelineConfiguration?, model: MultiTaskModel, modelPath: String,
    history: TrainingHistory?, trained: Bool = true
  ) throws -> RunProvenance {
    let bytes =
      trained
      ? try? ModelFile.encode(model, path: modelPath)
      : FileManager.default.contents(atPath: modelPath).map { [UInt8]($0) }
    return try RunProvenance(
      mtlVersion: MTL.configuration.version, configuration: configuration, model: model,
      modelBytes: bytes, history: history)
  }

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
