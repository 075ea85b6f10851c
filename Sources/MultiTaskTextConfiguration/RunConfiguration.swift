import MultiTaskText

/// A configuration file's contents: the pipeline's settings, and where the run writes its
/// model, vocabulary and reports.
///
/// The library's ``PipelineConfiguration`` says what to compute; ``output`` says where the
/// command-line tool puts the results, which the library itself never decides.
public struct RunConfiguration: Codable, Sendable, Equatable {
  /// What to read, train and evaluate.
  public var pipeline: PipelineConfiguration
  /// Where the model, vocabulary and reports go.
  public var output: OutputConfiguration

  /// Creates a run configuration.
  ///
  /// - Parameters:
  ///   - pipeline: The pipeline's settings.
  ///   - output: Where results go.
  public init(pipeline: PipelineConfiguration, output: OutputConfiguration) {
    self.pipeline = pipeline
    self.output = output
  }
}
