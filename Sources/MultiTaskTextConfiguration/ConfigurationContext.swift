/// What decoding any mapping of a document may need to know about the document as a whole,
/// handed down from the top-level mapping to every nested one.
struct ConfigurationContext: Sendable, Equatable {
  /// The configuration file's path: every error starts with it, and its file name names the
  /// default output directory.
  let sourceName: String
  /// The absolute folder relative paths resolve against, so a configuration works from any
  /// working directory.
  let baseDirectory: String
  /// Whether corpus files skip malformed records when neither the file nor its task says:
  /// `training.skipInvalid`, set once the training section is decoded.
  var skipsInvalid = false
}
