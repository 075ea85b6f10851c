/// Accuracy and F1 scores computed from a ``ConfusionMatrix``.
///
/// A class that is never predicted has precision 0 (not NaN), and a class without support has
/// recall 0; its F1 is then 0. Macro-F1 averages over classes with support or predictions,
/// so a label absent from both the test set and the predictions does not dilute it.
public struct TaskMetrics: Sendable, Equatable, Codable {
  /// One label's precision, recall and F1, with how many test examples carry the label.
  public struct ClassMetrics: Sendable, Equatable, Codable {
    /// The label these scores are for, as written in the confusion matrix.
    public var label: String
    /// Of the examples predicted as this label, the fraction that truly have it; 0 when the
    /// label was never predicted.
    public var precision: Double
    /// Of the examples that truly have this label, the fraction predicted as it; 0 when no
    /// test example has the label.
    public var recall: Double
    /// The harmonic mean of precision and recall; 0 when both are 0.
    public var f1: Double
    /// How many test examples truly have this label: the weight of its F1 in ``weightedF1``.
    public var support: Int
  }

  /// The number of examples.
  public var examples: Int
  /// The fraction predicted correctly.
  public var accuracy: Double
  /// The unweighted mean of per-class F1.
  public var macroF1: Double
  /// The support-weighted mean of per-class F1.
  public var weightedF1: Double
  /// Per-class scores, in matrix label order.
  public var classes: [ClassMetrics]

  /// Creates metrics from their values, for tasks that are not scored by a confusion
  /// matrix (multi-label ones).
  ///
  /// - Parameters:
  ///   - examples: Documents scored.
  ///   - accuracy: The share answered exactly right.
  ///   - macroF1: The mean per-label F1.
  ///   - weightedF1: The support-weighted per-label F1.
  ///   - classes: Per-label figures.
  public init(
    examples: Int, accuracy: Double, macroF1: Double, weightedF1: Double,
    classes: [ClassMetrics]
  ) {
    self.examples = examples
    self.accuracy = accuracy
    self.macroF1 = macroF1
    self.weightedF1 = weightedF1
    self.classes = classes
  }

  /// Computes the metrics of `matrix` from its diagonal and its row and column totals, so
  /// the cost grows with the labels, not with their square.
  public init(_ matrix: ConfusionMatrix) {
    let total = matrix.total
    var correct = 0
    var classes: [ClassMetrics] = []
    classes.reserveCapacity(matrix.labels.count)
    var macroSum = 0.0
    var macroCount = 0
    var weightedSum = 0.0
    for label in matrix.labels.indices {
      let truePositives = matrix.correct(label)
      correct += truePositives
      let support = matrix.rowTotals[label]
      let predicted = matrix.columnTotals[label]
      let precision = predicted > 0 ? Double(truePositives) / Double(predicted) : 0
      let recall = support > 0 ? Double(truePositives) / Double(support) : 0
      let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
      classes.append(
        ClassMetrics(
          label: matrix.labels[label], precision: precision, recall: recall, f1: f1,
          support: support))
      if support > 0 || predicted > 0 {
        macroSum += f1
        macroCount += 1
      }
      weightedSum += f1 * Double(support)
    }
    examples = total
    accuracy = total > 0 ? Double(correct) / Double(total) : 0
    macroF1 = macroCount > 0 ? macroSum / Double(macroCount) : 0
    weightedF1 = total > 0 ? weightedSum / Double(total) : 0
    self.classes = classes
  }
}
