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
    let known = 0..<confusion.knownLabelCount
    func f1(_ label: Int) -> Double {
      guard known.contains(label) else { return 0 }
      let hits = Double(confusion.correct(label))
      let predicted = confusion.columnTotals[label]
      let support = confusion.rowTotals[label]
      let precision = predicted > 0 ? hits / Double(predicted) : 0
      let recall = support > 0 ? hits / Double(support) : 0
      return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
    switch self {
    case .accuracy:
      let correct = known.reduce(0) { $0 + confusion.correct($1) }
      return confusion.total > 0 ? Double(correct) / Double(confusion.total) : 0
    case .macroF1:
      let present = known.filter {
        confusion.rowTotals[$0] > 0 || confusion.columnTotals[$0] > 0
      }
      return present.isEmpty ? 0 : present.map(f1).reduce(0, +) / Double(present.count)
    case .macroRecall:
      let present = known.filter { confusion.rowTotals[$0] > 0 }
      let recalls = present.map {
        Double(confusion.correct($0)) / Double(confusion.rowTotals[$0])
      }
      return present.isEmpty ? 0 : recalls.reduce(0, +) / Double(present.count)
    case .f1(let label):
      return labels.id(of: label).map { f1(Int($0.rawValue)) } ?? 0
    case .f1Average(let names):
      let ids = names.compactMap { labels.id(of: $0) }.map { Int($0.rawValue) }
      return ids.isEmpty ? 0 : ids.map(f1).reduce(0, +) / Double(ids.count)
    }
  }
}
