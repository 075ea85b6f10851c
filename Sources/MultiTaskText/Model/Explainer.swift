/// Exact, cheap explanations of a model's answer: how much each token and each word n-gram of
/// a text moved one label's score.
///
/// ## Why the contributions are exact
///
/// A document with features `f₁ … fₙ` (see ``Featurizer``) has the vector
/// `x = (1/n) Σᵢ (e(fᵢ) + p(fᵢ))`, where `e(f)` is feature `f`'s shared embedding row and
/// `p(f)` its row in the task's private table (zero without a shared-private encoder). The
/// heads have no bias, so label `l`'s score is `s(l) = w(l) · x`, with `w(l)` the head's row.
/// For the explained label `c` and the reference label `r`, linearity gives
///
///     s(c) − s(r) = (w(c) − w(r)) · x = Σᵢ (w(c) − w(r)) · (e(fᵢ) + p(fᵢ)) / n.
///
/// Every feature comes from exactly one unit: a token (its word row and character n-grams)
/// or a word n-gram (its one hashed row). Grouping the sum by unit, the contribution of unit
/// `u` is `Σ_{f ∈ u} (w(c) − w(r)) · (e(f) + p(f)) / n`, and the contributions of all units
/// add up to `s(c) − s(r)` exactly, up to floating-point rounding. Because the softmax gives
/// `p(c) / p(r) = exp(s(c) − s(r))`, they split the log odds of `c` against `r`: a unit with
/// contribution `+0.7` alone doubles those odds. Under ``ExplanationReference/zero`` there is
/// no `w(r)`, and the contributions split `s(c)`, the distance from a bias-free decision
/// boundary, which is the question for a label decided on its own.
///
/// The cost is one dot product per feature, about that of the forward pass itself. The
/// contributions describe the text as it is; they are not what deleting a unit would do,
/// since deleting it also changes `n` and the n-grams around it.
///
/// ```swift
/// let explainer = try Explainer(model: model)
/// let explanation = try explainer.explain("not bad at all", task: "sentiment")
/// explanation.top(3).map { ($0.text, $0.value) }
/// ```
///
/// A class because it owns a ``Predictor`` with its text pipeline and scratch buffers. One
/// per thread.
public final class Explainer {
  private let predictor: Predictor

  /// Prepares an explainer for `model`.
  ///
  /// - Parameter model: The model whose answers to explain.
  /// - Throws: ``ModelError`` when ICU cannot open the model's text pipeline or the
  ///   manifest's feature settings are invalid.
  public init(model: MultiTaskModel) throws(ModelError) {
    predictor = try Predictor(model: model)
  }

  /// The model.
  public var model: MultiTaskModel { predictor.model }

  /// Explains task `task`'s score of `label` for `text`.
  ///
  /// - Parameters:
  ///   - text: The document.
  ///   - task: The task's position in the model.
  ///   - label: The label to explain; nil (the default) for the predicted one.
  ///   - reference: What the contributions are measured against.
  /// - Returns: Every unit's contribution, largest first; none for a text without known
  ///   features.
  /// - Throws: ``TextError`` when the text cannot be normalized or tokenized.
  public func explain(
    _ text: String, task: Int, label: LabelID? = nil,
    reference: ExplanationReference = .runnerUp
  ) throws(TextError) -> Explanation {
    var text = text
    return try text.withUTF8Bytes { (bytes) throws(TextError) in
      try predictor.run(bytes)
      return predictor.explanation(
        ofTask: task, label: label, reference: reference, originalText: bytes)
    }
  }

  /// Explains the score of the label named `label` of the task named `task` for `text`.
  ///
  /// - Parameters:
  ///   - text: The document.
  ///   - task: The task's name.
  ///   - label: The label's name; nil (the default) for the predicted one.
  ///   - reference: What the contributions are measured against.
  /// - Returns: Every unit's contribution, largest first.
  /// - Throws: ``ExplanationError`` for an unknown task or label, or a text that cannot be
  ///   prepared.
  public func explain(
    _ text: String, task: String, label: String? = nil,
    reference: ExplanationReference = .runnerUp
  ) throws(ExplanationError) -> Explanation {
    let tasks = model.manifest.tasks
    guard let index = model.manifest.taskIndex(named: task) else {
      throw .unknownTask(task, known: tasks.map(\.name))
    }
    var id: LabelID?
    if let label {
      guard let known = tasks[index].labels.id(of: label) else {
        throw .unknownLabel(label, task: task, known: tasks[index].labels.labels)
      }
      id = known
    }
    do { return try explain(text, task: index, label: id, reference: reference) } catch {
      throw .text(error)
    }
  }

  /// The `count` tokens and word n-grams of `text` that pushed task `task`'s predicted label
  /// hardest over its runner-up, largest first.
  ///
  /// - Parameters:
  ///   - text: The document.
  ///   - task: The task's position in the model.
  ///   - count: How many to return at most.
  /// - Returns: Each unit's text, as written in `text`, and its contribution.
  /// - Throws: ``TextError`` when the text cannot be normalized or tokenized.
  public func topContributions(
    _ text: String, task: Int, count: Int
  ) throws(TextError) -> [(token: String, contribution: Double)] {
    try explain(text, task: task).topContributions(count)
  }
}
