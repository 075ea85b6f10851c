/// Why a model gave one label of one task the score it did, unit by unit: the exact
/// contribution of every token and every word n-gram of the document.
///
/// ``contributions`` add up to ``margin`` to within floating-point rounding; ``Explainer``
/// derives why. Get one from ``Explainer`` for a text, or from
/// ``Predictor/explanation(ofTask:label:reference:originalText:)`` after a run.
public struct Explanation: Sendable, Equatable {
  /// The task's name.
  public var task: String
  /// The explained label.
  public var label: String
  /// Its probability.
  public var probability: Double
  /// What the contributions are measured against.
  public var reference: ExplanationReference
  /// The label compared with under ``ExplanationReference/runnerUp``; nil under
  /// ``ExplanationReference/zero``, and for a task with a single label, which is then
  /// measured from 0.
  public var referenceLabel: String?
  /// The explained difference: the label's score minus the reference label's score (or
  /// minus 0), as the forward pass computed it.
  public var margin: Double
  /// The number of features the document's vector averages, `n` in the derivation; 0 for an
  /// empty document.
  public var featureCount: Int
  /// Every token and word n-gram whose contribution is not zero, largest value first; ties
  /// keep text order, tokens before n-grams. Units whose rows are all zero, such as n-grams
  /// never seen in training, are left out: they count in the average but move no score.
  public var contributions: [Contribution]

  /// Creates an explanation.
  ///
  /// - Parameters:
  ///   - task: The task's name.
  ///   - label: The explained label.
  ///   - probability: Its probability.
  ///   - reference: What the contributions are measured against.
  ///   - referenceLabel: The label compared with, if any.
  ///   - margin: The explained score difference.
  ///   - featureCount: The number of features in the document.
  ///   - contributions: The contributions, largest first.
  public init(
    task: String, label: String, probability: Double, reference: ExplanationReference,
    referenceLabel: String?, margin: Double, featureCount: Int, contributions: [Contribution]
  ) {
    self.task = task
    self.label = label
    self.probability = probability
    self.reference = reference
    self.referenceLabel = referenceLabel
    self.margin = margin
    self.featureCount = featureCount
    self.contributions = contributions
  }

  /// The `k` units that push hardest toward the explained label, largest first.
  ///
  /// - Parameter k: How many to keep; fewer when the document has fewer units.
  /// - Returns: The first `k` of ``contributions``.
  public func top(_ k: Int) -> [Contribution] { Array(contributions.prefix(max(0, k))) }

  /// The `k` units that push hardest toward the explained label, as text and value pairs:
  /// the form a prediction line reports.
  ///
  /// - Parameter k: How many to keep.
  /// - Returns: Each unit's text and contribution, largest first.
  public func topContributions(_ k: Int) -> [(token: String, contribution: Double)] {
    top(k).map { ($0.text, $0.value) }
  }

  /// The contributions of tokens alone, in text order: what a highlighted view of the text
  /// colours.
  public var tokenContributions: [Contribution] {
    contributions.filter {
      if case .token = $0.source { return true }
      return false
    }
    .sorted { $0.source.tokenIndices.lowerBound < $1.source.tokenIndices.lowerBound }
  }
}
