/// Per-label totals of a single-label task's answers: all that its metrics need, in memory
/// linear in the labels where a confusion matrix is quadratic (3.2 GB of counts at 20,000
/// labels, for every dev scoring).
struct LabelTotals: Sendable, Equatable {
  /// Per label: the documents of that label answered with it.
  var hits: [Int]
  /// Per label: the documents of that label.
  var support: [Int]
  /// Per label: the documents answered with it, those of unknown labels included.
  var predicted: [Int]
  /// The documents whose true label the model does not know (always wrong).
  var unseen = 0

  init(labels: Int) {
    hits = Array(repeating: 0, count: labels)
    support = hits
    predicted = hits
  }

  /// Counts one answer; a `truth` below 0 is a label the model does not know.
  mutating func record(truth: Int, predicted label: Int) {
    predicted[label] += 1
    guard truth >= 0 else {
      unseen += 1
      return
    }
    support[truth] += 1
    if truth == label { hits[truth] += 1 }
  }
}

extension TaskMetric {
  /// The metric's value for per-label totals over `labels`; the same as
  /// ``value(counts:unseen:labels:)`` on the confusion matrix they summarise.
  func value(totals: LabelTotals, labels: LabelSet) -> Double {
    let size = totals.hits.count
    let total = totals.support.reduce(0, +) + totals.unseen
    func f1(_ label: Int) -> Double {
      let hits = Double(totals.hits[label])
      let precision = totals.predicted[label] > 0 ? hits / Double(totals.predicted[label]) : 0
      let recall = totals.support[label] > 0 ? hits / Double(totals.support[label]) : 0
      return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
    switch self {
    case .accuracy:
      let correct = totals.hits.reduce(0, +)
      return total > 0 ? Double(correct) / Double(total) : 0
    case .macroF1:
      let present = (0..<size).filter { totals.support[$0] > 0 || totals.predicted[$0] > 0 }
      return present.isEmpty ? 0 : present.map(f1).reduce(0, +) / Double(present.count)
    case .macroRecall:
      let present = (0..<size).filter { totals.support[$0] > 0 }
      let recalls = present.map { Double(totals.hits[$0]) / Double(totals.support[$0]) }
      return present.isEmpty ? 0 : recalls.reduce(0, +) / Double(present.count)
    case .f1(let label):
      return labels.id(of: label).map { f1(Int($0.rawValue)) } ?? 0
    case .f1Average(let names):
      let ids = names.compactMap { labels.id(of: $0) }.map { Int($0.rawValue) }
      return ids.isEmpty ? 0 : ids.map(f1).reduce(0, +) / Double(ids.count)
    }
  }
}
