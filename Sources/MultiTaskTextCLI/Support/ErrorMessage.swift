import MultiTaskText
import MultiTaskTextConfiguration

/// The one place where errors become what the user reads.
///
/// Library errors arrive here typed, all the way from the stage that failed; each type's
/// description already names the file, line or key at fault, so the message is that
/// description. Errors of the argument parser are left to it, so `--help` and usage errors
/// keep its formatting.
enum ErrorMessage {
  /// The message and exit status for `error`, or nil when the argument parser should handle
  /// it.
  static func describe(_ error: any Error) -> (message: String, exitCode: Int32)? {
    switch error {
    case let failure as CommandFailure: return (failure.description, failure.exitCode)
    case let error as PipelineError: return (error.description, 1)
    case let error as ComparisonError: return (error.description, 1)
    case let error as TrainingError: return (error.description, 1)
    case let error as EvaluationError: return (error.description, 1)
    case let error as ConfigurationError: return (error.description, 1)
    case let error as PersistenceError: return (error.description, 1)
    case let error as ModelFileError: return (error.description, 1)
    case let error as VocabularyFileError: return (error.description, 1)
    case let error as CorpusError: return (error.description, 1)
    case let error as LineReaderError: return (error.description, 1)
    case let error as ModelError: return (error.description, 1)
    case let error as PretrainedVectorsError: return (error.description, 1)
    case let error as TextError: return (error.description, 1)
    case let error as ReportDecodingError: return (error.description, 1)
    default: return nil
    }
  }
}
