/// How often a single-label task would abstain on a test file, and how accurate it is on
/// the documents it answers: the coverage-accuracy trade of `minProbability`.
///
/// `mtl predict` answers `"label": null` for a document with no known token (its
/// probabilities are the untrained prior) and for one whose top probability is below the
/// task's `minProbability`. Accuracy in the rest of the report counts every document;
/// these figures show what the abstentions buy.
public struct AbstentionReport: Sendable, Equatable, Codable {
  /// The minimum top probability the model keeps for the task, if any.
  public var minimumProbability: Float?
  /// Documents scored.
  public var documents = 0
  /// Documents with no feature the model knows.
  public var noKnownTokens = 0
  /// Documents with known tokens whose top probability is below the minimum.
  public var belowMinimum = 0
  /// Answered documents whose answer was right.
  public var answeredCorrect = 0

  /// Creates empty counts.
  public init() {}

  /// Documents answered.
  public var answered: Int { documents - noKnownTokens - belowMinimum }

  /// The share of documents answered.
  public var coverage: Double { documents > 0 ? Double(answered) / Double(documents) : 0 }

  /// Accuracy on the answered documents.
  public var answeredAccuracy: Double {
    answered > 0 ? Double(answeredCorrect) / Double(answered) : 0
  }

  /// Whether any document was, or would be, left unanswered.
  public var abstains: Bool { noKnownTokens + belowMinimum > 0 }

  /// Counts one document.
  mutating func record(knownTokens: Bool, probability: Float, correct: Bool) {
    documents += 1
    if !knownTokens {
      noKnownTokens += 1
    } else if let minimumProbability, probability < minimumProbability {
      belowMinimum += 1
    } else if correct {
      answeredCorrect += 1
    }
  }
}
