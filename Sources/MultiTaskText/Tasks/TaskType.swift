/// Whether a task answers one label per document or any number of them.
///
/// A single-label task has a softmax head: its labels compete, and the most probable one is
/// the answer. A multi-label task has a one-vs-all sigmoid head: each label is its own yes/no
/// question over the shared encoder, so a comment can be both `joy` and `love`, or none of
/// the labels. The two kinds share the encoder and train in the same steps.
public enum TaskType: String, Codable, Sendable, CaseIterable {
  /// One label per document, from a softmax over the labels.
  case singleLabel
  /// Any set of labels per document, each from its own sigmoid.
  case multiLabel
}

/// How a multi-label task turns each label's probability into a yes or no.
public enum ThresholdChoice: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The same threshold for every label.
  case fixed(Double)
  /// One threshold per label, chosen on dev data to maximise that label's F1, which
  /// maximises the task's macro-F1. Rare labels rarely reach 0.5, so a fixed 0.5 leaves
  /// them never predicted; a threshold per label gives each its own operating point.
  case tuned

  /// The default threshold, the one a calibrated probability would have.
  public static let standard = ThresholdChoice.fixed(0.5)

  /// The configuration form: `tuned`, or the number.
  public var description: String {
    switch self {
    case .fixed(let value): return "\(value)"
    case .tuned: return "tuned"
    }
  }
}
