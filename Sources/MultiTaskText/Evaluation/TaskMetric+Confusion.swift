extension TaskMetric {
  /// The metric's value on a sparse confusion matrix, read from its diagonal and row and
  /// column totals: what `value(counts:unseen:labels:)` computes from a dense matrix, without
  /// building one, so selecting on macro-F1 costs as much with 20,000 labels as accuracy does.
  ///
  /// Labels seen only in the test data are rows without a column: their documents count in
  /// the total and in the predicted label's column, as the dense form's `unseen` does, and
  /// they are left out of macro averages, whose labels are the model's.
  ///
  /// - Parameters:
  ///   - confusion: The task's counts.
  ///   - labels: The model's labels of the task.
  /// - Returns: The value, 0 when nothing was counted.
  public func value(confusion: ConfusionMatrix, labels: LabelSet) -> Double {
    // The same totals dev scoring keeps, read off the sparse matrix, so the two share one
    // formula for every metric.
    var totals = LabelTotals(labels: confusion.knownLabelCount)
    for label in 0..<confusion.knownLabelCount {
      totals.hits[label] = confusion.correct(label)
      totals.support[label] = confusion.rowTotals[label]
      totals.predicted[label] = confusion.columnTotals[label]
    }
    totals.unseen = confusion.total - totals.support.reduce(0, +)
    return value(totals: totals, labels: labels)
  }
}
