/// The score a task is judged by: what early stopping, keep-best and automatic epochs select
/// on, and what reports show next to accuracy.
///
/// Benchmarks score tasks differently: sentiment by accuracy, rare-class tasks by macro-F1,
/// stance detection by the mean F1 of two labels. Selecting epochs on accuracy when the
/// benchmark scores macro-F1 neglects the rare classes, so each task names its own.
public enum TaskMetric: Sendable, Equatable, CustomStringConvertible {
  /// The fraction of documents labelled correctly.
  case accuracy
  /// The unweighted mean F1 over labels with support or predictions.
  case macroF1
  /// The unweighted mean recall over labels with support.
  case macroRecall
  /// The F1 of one label.
  case f1(label: String)
  /// The mean F1 of some labels.
  case f1Average(labels: [String])

  /// Reads the configuration form: `accuracy`, `macroF1`, `macroRecall`, `f1:LABEL` or
  /// `f1avg:A,B`; nil for anything else.
  public init?(_ text: String) {
    switch text {
    case "accuracy": self = .accuracy
    case "macroF1": self = .macroF1
    case "macroRecall": self = .macroRecall
    default:
      if text.hasPrefix("f1:"), text.count > 3 {
        self = .f1(label: String(text.dropFirst(3)))
      } else if text.hasPrefix("f1avg:") {
        let labels = text.dropFirst(6).split(separator: ",", omittingEmptySubsequences: false)
          .map(String.init)
        guard !labels.isEmpty, !labels.contains(where: \.isEmpty) else { return nil }
        self = .f1Average(labels: labels)
      } else {
        return nil
      }
    }
  }

  /// The configuration form, which ``init(_:)`` reads back.
  public var description: String {
    switch self {
    case .accuracy: return "accuracy"
    case .macroF1: return "macroF1"
    case .macroRecall: return "macroRecall"
    case .f1(let label): return "f1:\(label)"
    case .f1Average(let labels): return "f1avg:" + labels.joined(separator: ",")
    }
  }

  /// The forms the configuration accepts, for error messages.
  public static let forms = ["accuracy", "macroF1", "macroRecall", "f1:LABEL", "f1avg:A,B"]

  /// The labels the metric names, which must be labels of the task.
  public var namedLabels: [String] {
    switch self {
    case .accuracy, .macroF1, .macroRecall: return []
    case .f1(let label): return [label]
    case .f1Average(let labels): return labels
    }
  }

  /// The metric's value for counts `counts[truth][predicted]` over `labels`; `unseen` holds,
  /// per predicted label, the documents whose true label the model does not know (always
  /// wrong).
  ///
  /// Macro averages follow scikit-learn's `labels` of those present: a label with neither
  /// support nor predictions is left out rather than counted as 0.
  public func value(counts: [[Int]], unseen: [Int], labels: LabelSet) -> Double {
    let size = counts.count
    let support = counts.map { $0.reduce(0, +) }
    let predicted = (0..<size).map { label in
      (0..<size).reduce(unseen[label]) { $0 + counts[$1][label] }
    }
    let total = support.reduce(0, +) + unseen.reduce(0, +)
    func f1(_ label: Int) -> Double {
      let hits = Double(counts[label][label])
      let precision = predicted[label] > 0 ? hits / Double(predicted[label]) : 0
      let recall = support[label] > 0 ? hits / Double(support[label]) : 0
      return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
    switch self {
    case .accuracy:
      let correct = (0..<size).reduce(0) { $0 + counts[$1][$1] }
      return total > 0 ? Double(correct) / Double(total) : 0
    case .macroF1:
      let present = (0..<size).filter { support[$0] > 0 || predicted[$0] > 0 }
      return present.isEmpty ? 0 : present.map(f1).reduce(0, +) / Double(present.count)
    case .macroRecall:
      let present = (0..<size).filter { support[$0] > 0 }
      let recalls = present.map { Double(counts[$0][$0]) / Double(support[$0]) }
      return present.isEmpty ? 0 : recalls.reduce(0, +) / Double(present.count)
    case .f1(let label):
      return labels.id(of: label).map { f1(Int($0.rawValue)) } ?? 0
    case .f1Average(let names):
      let ids = names.compactMap { labels.id(of: $0) }.map { Int($0.rawValue) }
      return ids.isEmpty ? 0 : ids.map(f1).reduce(0, +) / Double(ids.count)
    }
  }
}

extension TaskMetric: Codable {
  /// Decodes the configuration form, a string such as `"macroF1"` or `"f1:spam"`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let metric = TaskMetric(text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "unknown metric \"\(text)\"; expected one of "
          + TaskMetric.forms.joined(separator: ", "))
    }
    self = metric
  }

  /// Encodes the configuration form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
