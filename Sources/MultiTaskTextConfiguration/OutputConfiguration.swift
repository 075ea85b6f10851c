import MultiTaskText

/// Where a run writes its model, vocabulary and reports.
public struct OutputConfiguration: Codable, Sendable, Equatable {
  /// The run's directory, absolute once loaded from a file.
  ///
  /// Without an `output.directory` key it is `runs/<configuration file name without
  /// extension>` next to the configuration file, so each configuration gets its own folder.
  public var directory: String
  /// An extra place to write the vocabulary TSV, absolute once loaded; `nil` for none.
  ///
  /// Useful to keep a vocabulary under version control apart from the disposable run folder.
  public var vocabularyCopy: String?

  /// Creates output settings.
  ///
  /// - Parameters:
  ///   - directory: The run's directory.
  ///   - vocabularyCopy: An optional extra path for the vocabulary TSV.
  public init(directory: String, vocabularyCopy: String? = nil) {
    self.directory = directory
    self.vocabularyCopy = vocabularyCopy
  }
}
