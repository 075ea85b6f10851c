/// What scoring a multi-label task counts: per label, its true positives, false positives
/// and false negatives, and per document, whether the predicted set was exactly right and
/// how its own F1 came out.
///
/// Every multi-label figure is a function of these: micro- and macro-F1, per-label
/// precision and recall, subset accuracy, Hamming loss and sample-averaged F1. Dev scoring
/// and the evaluation report fill the same counts, so the score an epoch is chosen on is the
/// score the report shows.
public struct MultiLabelCounts: Sendable, Equatable, Codable {
  /// Per label: documents that have it and were given it.
  public var truePositives: [Int]
  /// Per label: documents given it without having it.
  public var falsePositives: [Int]
  /// Per label: documents that have it and were not given it.
  public var falseNegatives: [Int]
  /// Documents scored.
  public var documents = 0
  /// Documents whose predicted set equals their true set.
  public var exactMatches = 0
  /// The sum over documents of each document's F1 between its true and predicted sets (1
  /// when both are empty).
  public var sampleF1Sum = 0.0

  /// Empty counts for `labels` labels.
  public init(labels: Int) {
    truePositives = Array(repeating: 0, count: labels)
    falsePositives = truePositives
    falseNegatives = truePositives
  }

  /// Counts one document: `truth` and `predicted` are sorted, duplicate-free label ids.
  /// Labels of `truth` outside the label set (unseen in training) count as misses of no
  /// label, which lowers subset accuracy and the document's F1.
  public mutating func record(truth: [Int32], predicted: [Int32], unseen: Int = 0) {
    documents += 1
    var hits = 0
    var truthIndex = 0
    var predictedIndex = 0
    while truthIndex < truth.count || predictedIndex < predicted.count {
      let left = truthIndex < truth.count ? truth[truthIndex] : Int32.max
      let right = predictedIndex < predicted.count ? predicted[predictedIndex] : Int32.max
      if left == right {
        truePositives[Int(left)] += 1
        hits += 1
        truthIndex += 1
        predictedIndex += 1
      } else if left < right {
        falseNegatives[Int(left)] += 1
        truthIndex += 1
      } else {
        falsePositives[Int(right)] += 1
        predictedIndex += 1
      }
    }
    let truthCount = truth.count + unseen
    if hits == truthCount && hits == predicted.count { exactMatches += 1 }
    let denominator = truthCount + predicted.count
    sampleF1Sum += denominator == 0 ? 1 : 2 * Double(hits) / Double(denominator)
  }

  /// Label `label`'s F1: `2TP / (2TP + FP + FN)`, 0 when it was neither present nor given.
  public func f1(_ label: Int) -> Double {
    let denominator = 2 * truePositives[label] + falsePositives[label] + falseNegatives[label]
    return denominator > 0 ? 2 * Double(truePositives[label]) / Double(denominator) : 0
  }

  /// Label `label`'s precision, 0 when it was never given.
  public func precision(_ label: Int) -> Double {
    let given = truePositives[label] + falsePositives[label]
    return given > 0 ? Double(truePositives[label]) / Double(given) : 0
  }

  /// Label `label`'s recall, 0 when no document has it.
  public func recall(_ label: Int) -> Double {
    let support = self.support(label)
    return support > 0 ? Double(truePositives[label]) / Double(support) : 0
  }

  /// How many documents have label `label`.
  public func support(_ label: Int) -> Int { truePositives[label] + falseNegatives[label] }

  /// The labels that were present or given.
  public var presentLabels: [Int] {
    truePositives.indices.filter {
      truePositives[$0] + falsePositives[$0] + falseNegatives[$0] > 0
    }
  }

  /// The mean F1 over every label of the task, as scikit-learn averages the columns of a
  /// label-indicator matrix: a label neither present nor given scores 0
  /// (`zero_division=0`). Single-label macro-F1 averages over present labels instead, as
  /// scikit-learn does for class vectors.
  public var macroF1: Double {
    truePositives.isEmpty
      ? 0 : truePositives.indices.map(f1).reduce(0, +) / Double(truePositives.count)
  }

  /// The mean of the present labels' recall.
  public var macroRecall: Double {
    let present = presentLabels.filter { support($0) > 0 }
    return present.isEmpty ? 0 : present.map(recall).reduce(0, +) / Double(present.count)
  }

  /// F1 over all label decisions pooled: `2ΣTP / (2ΣTP + ΣFP + ΣFN)`.
  public var microF1: Double {
    let hits = truePositives.reduce(0, +)
    let denominator = 2 * hits + falsePositives.reduce(0, +) + falseNegatives.reduce(0, +)
    return denominator > 0 ? 2 * Double(hits) / Double(denominator) : 0
  }

  /// The share of documents whose predicted set is exactly right.
  public var subsetAccuracy: Double {
    documents > 0 ? Double(exactMatches) / Double(documents) : 0
  }

  /// The share of (document, label) decisions that were wrong.
  public var hammingLoss: Double {
    let decisions = documents * truePositives.count
    let wrong = falsePositives.reduce(0, +) + falseNegatives.reduce(0, +)
    return decisions > 0 ? Double(wrong) / Double(decisions) : 0
  }

  /// The mean over documents of each document's F1.
  public var sampleF1: Double { documents > 0 ? sampleF1Sum / Double(documents) : 0 }
}

extension TaskMetric {
  /// The metric's value for a multi-label task: `accuracy` is subset accuracy, and the F1
  /// metrics are those of each label's yes/no decisions.
  ///
  /// - Parameters:
  ///   - counts: The task's counts.
  ///   - labels: The task's labels, which `f1:` metrics name.
  /// - Returns: The value, from 0 to 1.
  public func value(multiLabel counts: MultiLabelCounts, labels: LabelSet) -> Double {
    switch self {
    case .accuracy: return counts.subsetAccuracy
    case .macroF1: return counts.macroF1
    case .macroRecall: return counts.macroRecall
    case .f1(let label): return labels.id(of: label).map { counts.f1(Int($0.rawValue)) } ?? 0
    case .f1Average(let names):
      let ids = names.compactMap { labels.id(of: $0) }.map { Int($0.rawValue) }
      return ids.isEmpty ? 0 : ids.map(counts.f1).reduce(0, +) / Double(ids.count)
    }
  }
}
