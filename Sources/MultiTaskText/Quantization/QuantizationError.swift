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
    }
  }
}

/// Byte counts as people write them: decimal megabytes, as `ls -h` does not but file sizes
/// on download pages and fastText's `.ftz` figures do.
public enum ByteCount {
  /// `bytes` as `3.71 MB`, `812 kB` or `96 B`: decimal units, two decimals rounded down.
  public static func text(_ bytes: Int) -> String {
    if bytes >= 1_000_000 { return "\(rounded(Double(bytes) / 1_000_000)) MB" }
    if bytes >= 1000 { return "\(rounded(Double(bytes) / 1000)) kB" }
    return "\(bytes) B"
  }

  /// Parses `4MB`, `4 MB`, `3.5M`, `800kB`, `800K`, `1GB`, `4MiB` or a plain byte count.
  /// Decimal units are powers of 1000, binary ones (`KiB`, `MiB`, `GiB`) of 1024.
  public static func parse(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let numberEnd = trimmed.firstIndex { !($0.isNumber || $0 == ".") } ?? trimmed.endIndex
    guard let number = Double(trimmed[..<numberEnd]), number.isFinite, number > 0 else {
      return nil
    }
    let unit = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces).lowercased()
    let scales: [String: Double] = [
      "": 1, "b": 1, "k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9,
      "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824,
    ]
    guard let scale = scales[unit] else { return nil }
    let bytes = number * scale
    guard bytes >= 1, bytes < 1e15 else { return nil }
    return Int(bytes.rounded(.down))
  }

  /// Two decimals, rounded down, so a file just under a limit never prints as the limit.
  private static func rounded(_ value: Double) -> String {
    let text = String(Double((value * 100).rounded(.down)) / 100)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
