/// A multi-label task's evaluation: the counts every multi-label figure comes from, the
/// thresholds used, and the label pairs most often confused.
public struct MultiLabelReport: Sendable, Equatable, Codable {
  /// One label given in place of another: documents that have `truth`, were not given it,
  /// and were given `predicted`, which they lack.
  public struct ConfusedPair: Sendable, Equatable, Codable {
    /// The label the documents have and missed.
    public var truth: String
    /// The label given instead.
    public var predicted: String
    /// How many documents.
    public var count: Int
  }

  /// The task's labels, in label order.
  public var labels: [String]
  /// Per-label and per-document counts.
  public var counts: MultiLabelCounts
  /// The threshold of each label.
  public var thresholds: [Float]
  /// The most frequent confused pairs, most frequent first.
  public var confusedPairs: [ConfusedPair]

  /// The pairs kept in a report.
  static let confusedPairLimit = 10

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - labels: The labels.
  ///   - counts: The counts.
  ///   - thresholds: Each label's threshold.
  ///   - pairCounts: The non-zero (missed label, label given instead) counts, as label
  ///     indices, from which the largest are kept; only the pairs seen, so a task with
  ///     20,000 labels does not need 400 million counters.
  public init(
    labels: [String], counts: MultiLabelCounts, thresholds: [Float],
    pairCounts: [ConfusionMatrix.Cell]
  ) {
    self.labels = labels
    self.counts = counts
    self.thresholds = thresholds
    let pairs = pairCounts.filter { $0.count > 0 }.map {
      ConfusedPair(truth: labels[$0.truth], predicted: labels[$0.predicted], count: $0.count)
    }
    confusedPairs = Array(
      pairs.sorted {
        $0.count != $1.count
          ? $0.count > $1.count
          : ($0.truth, $0.predicted) < ($1.truth, $1.predicted)
      }.prefix(Self.confusedPairLimit))
  }

  /// Per-label precision, recall, F1 and support, in label order, the shape the
  /// single-label reports use.
  public var classes: [TaskMetrics.ClassMetrics] {
    labels.indices.map { label in
      TaskMetrics.ClassMetrics(
        label: labels[label], precision: counts.precision(label), recall: counts.recall(label),
        f1: counts.f1(label), support: counts.support(label))
    }
  }

  /// The report's headline metrics in the single-label shape: `accuracy` is subset
  /// accuracy, `macroF1` the labels' macro-F1, and `weightedF1` their support-weighted F1.
  public var metrics: TaskMetrics {
    let classes = self.classes
    let support = classes.map(\.support).reduce(0, +)
    let weighted = classes.map { $0.f1 * Double($0.support) }.reduce(0, +)
    return TaskMetrics(
      examples: counts.documents, accuracy: counts.subsetAccuracy, macroF1: counts.macroF1,
      weightedF1: support > 0 ? weighted / Double(support) : 0, classes: classes)
  }
}
