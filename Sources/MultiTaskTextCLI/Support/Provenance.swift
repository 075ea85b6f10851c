import Foundation
import MultiTaskText

/// The `run` record every report carries, from what the command knows: its version, the
/// effective configuration, and the model file it wrote or read.
enum Provenance {
  /// The record for `model`, whose file is at `modelPath` (read back for its checksum).
  static func record(
    configuration: PipelineConfiguration?, model: MultiTaskModel, modelPath: String,
    history: TrainingHistory?
  ) -> RunProvenance {
    let bytes = FileManager.default.contents(atPath: modelPath).map { [UInt8]($0) }
    return RunProvenance(
      mtlVersion: MTL.configuration.version, configuration: configuration, model: model,
      modelBytes: bytes, history: history)
  }
}
