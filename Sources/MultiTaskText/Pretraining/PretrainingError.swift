/// Why pretraining could not run.
public enum PretrainingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A setting is outside the range that works.
  case outOfRange(setting: String, found: Double, expected: ClosedRange<Double>)
  /// A document could not be tokenized; `document` counts from 1.
  case tokenization(document: Int, problem: String)
  /// No word occurs `minCount` times, so there is nothing to train.
  case emptyVocabulary(minCount: Int, tokens: Int)
  /// The words and buckets would not fit the file format or memory.
  case tooLarge(rows: Int, dimension: Int)

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .outOfRange(let setting, let found, let expected):
      return "pretraining: \(setting) is \(Self.number(found)); it must be in"
        + " \(Self.number(expected.lowerBound))...\(Self.number(expected.upperBound))"
    case .tokenization(let document, let problem):
      return "pretraining: document \(document) cannot be tokenized: \(problem)"
    case .emptyVocabulary(let minCount, let tokens):
      return "pretraining: no word occurs \(minCount) times in the \(tokens) tokens read;"
        + " lower --min-count or give more text"
    case .tooLarge(let rows, let dimension):
      return "pretraining: \(rows) rows of \(dimension) floats are more than mtl allocates;"
        + " lower --buckets or --dimension"
    }
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
