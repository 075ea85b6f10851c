import CMultiTaskText
import MultiTaskText
import MultiTaskTextConfiguration

/// A failed C API call: the status code the host receives and the message it reads back.
///
/// The message is the library error's description, which is what `mtl` prints after
/// `Error: `, so a Python exception and the CLI say the same thing.
struct CFailure: Error {
  /// One of the header's `MTL_ERROR_*` codes.
  var code: Int32
  /// The text `mtl_last_error_message` returns.
  var message: String

  init(code: Int32, message: String) {
    self.code = code
    self.message = message
  }

  /// A bad pointer, index or option: the host's mistake, reported instead of trapping.
  static func invalidArgument(_ message: String) -> CFailure {
    CFailure(code: MTL_ERROR_INVALID_ARGUMENT, message: message)
  }

  /// Classifies any error the library throws by the stage it comes from.
  init(_ error: any Error) {
    if let failure = error as? CFailure {
      self = failure
      return
    }
    let code: Int32
    switch error {
    case is ModelFileError, is ModelError: code = MTL_ERROR_MODEL_FILE
    case is TextError: code = MTL_ERROR_TEXT
    case is ConfigurationError: code = MTL_ERROR_CONFIGURATION
    case is PipelineError, is TrainingError, is CorpusError, is LineReaderError:
      code = MTL_ERROR_TRAINING
    case is PersistenceError, is VocabularyFileError: code = MTL_ERROR_IO
    case is PredictionError: code = MTL_ERROR_INVALID_ARGUMENT
    case is EvaluationPlanError: code = MTL_ERROR_INVALID_ARGUMENT
    case QuantizationRequestError.reading: code = MTL_ERROR_TRAINING
    case is QuantizationRequestError: code = MTL_ERROR_INVALID_ARGUMENT
    default: code = MTL_ERROR_OTHER
    }
    self.init(code: code, message: "\(error)")
  }

  /// Stores this failure as the calling thread's last error.
  func record() {
    message.withCString { mtl__set_last_error(code, $0) }
  }
}

/// Runs the body of a C entry point: returns `MTL_OK`, or records the error it threw and
/// returns its code. No error escapes to the host as a trap.
func withStatus(_ body: () throws -> Void) -> Int32 {
  do {
    try body()
    return MTL_OK
  } catch {
    let failure = CFailure(error)
    failure.record()
    return failure.code
  }
}
