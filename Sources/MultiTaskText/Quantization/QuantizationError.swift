import Foundation

/// Why a model could not be quantized or its heads retrained.
public enum QuantizationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The model was quantized already: its float rows are gone, so quantizing again would
  /// only compound the error. Quantize the float model instead.
  case alreadyQuantized(method: String)
  /// A setting is out of range; the text says which and why.
  case badSetting(String)
  /// The model has no trained row to quantize.
  case noTrainedRows
  /// No settings make the model fit the target size.
  case targetTooSmall(targetBytes: Int, smallestBytes: Int)
  /// The retraining data labels no task of the model with a label the model knows.
  case noRetrainingExamples(problem: String)
  /// The model's text pipeline cannot be opened to featurize the retraining data.
  case model(ModelError)
  /// A retraining document cannot be tokenized; `document` is its file and line, or its
  /// 1-based position among the examples when it came from no file.
  case unreadableDocument(document: String, problem: TextError)

  /// A one-line message saying what is wrong and what to do.
  public var description: String {
    switch self {
    case .alreadyQuantized(let method):
      return "the model is already quantized (\(method)); quantize the float model it came from"
    case .badSetting(let problem): return problem
    case .noTrainedRows: return "the model has no trained embedding row to quantize"
    case .targetTooSmall(let target, let smallest):
      return "no settings fit the model in \(ByteCount.text(target)): the smallest it can be"
        + " made is about \(ByteCount.text(smallest)) (8-bit norms, sub-vectors of the whole"
        + " dimension, one row); give a larger --target-size"
    case .noRetrainingExamples(let problem):
      return "cannot retrain the heads: \(problem)"
    case .model(let error): return "\(error)"
    case .unreadableDocument(let document, let problem):
      return "cannot retrain the heads: \(document): \(problem)"
    }
  }
}
