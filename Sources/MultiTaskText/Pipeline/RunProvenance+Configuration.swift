import Foundation

extension RunProvenance {
  /// Creates a record of a run that trained several models and wrote none, such as
  /// `mtl compare`'s.
  ///
  /// - Parameters:
  ///   - mtlVersion: The program's version.
  ///   - createdAt: When.
  ///   - configuration: The effective configuration.
  /// - Throws: `EncodingError` when the configuration has no JSON form.
  public init(
    mtlVersion: String, createdAt: Date = Date(), configuration: PipelineConfiguration
  ) throws {
    self.init(
      mtlVersion: mtlVersion, createdAt: createdAt,
      recordedConfiguration: try RecordedJSON(encoding: configuration),
      seed: configuration.training.seed, threads: configuration.training.threads)
  }

  /// Creates a record of a run about one model.
  ///
  /// - Parameters:
  ///   - mtlVersion: The program's version.
  ///   - createdAt: When, ISO 8601.
  ///   - configuration: The effective configuration, if the report follows training.
  ///   - model: The model the report is about.
  ///   - modelBytes: The model file's bytes, for its checksum.
  ///   - history: The training history, for the kept epoch.
  /// - Throws: `EncodingError` when the configuration has no JSON form.
  public init(
    mtlVersion: String, createdAt: Date = Date(), configuration: PipelineConfiguration?,
    model: MultiTaskModel, modelBytes: [UInt8]? = nil, history: TrainingHistory? = nil
  ) throws {
    self.init(
      mtlVersion: mtlVersion, createdAt: createdAt,
      recordedConfiguration: try configuration.map { try RecordedJSON(encoding: $0) },
      seed: configuration?.training.seed, threads: configuration?.training.threads,
      model: model, modelBytes: modelBytes, history: history)
  }
}
