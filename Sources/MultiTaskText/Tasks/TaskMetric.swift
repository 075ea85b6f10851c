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
    var totals = LabelTotals(labels: counts.count)
    for truth in counts.indices {
      totals.support[truth] = counts[truth].reduce(0, +)
      totals.hits[truth] = counts[truth][truth]
      for predicted in counts[truth].indices {
        totals.predicted[predicted] += counts[truth][predicted]
      }
    }
    for predicted in unseen.indices { totals.predicted[predicted] += unseen[predicted] }
    totals.unseen = unseen.reduce(0, +)
    return value(totals: totals, labels: labels)
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
