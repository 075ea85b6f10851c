#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A multi-label task's probabilities on dev documents, with their true labels: what
/// thresholds are tuned on and dev scores are computed from.
struct MultiLabelOutputs {
  /// The task's label count.
  let labels: Int
  /// Each entry's probability per label, entry after entry.
  private(set) var probabilities: [Float] = []
  /// Each entry's true label ids, sorted.
  private(set) var truth: [[Int32]] = []
  /// Each entry's true labels the training data lacks.
  private(set) var unseen: [Int] = []
  private var lossSum = 0.0

  init(labels: Int) { self.labels = labels }

  /// Whether no entry was added.
  var isEmpty: Bool { truth.isEmpty }

  /// The mean summed binary cross-entropy per entry.
  var meanLoss: Double { truth.isEmpty ? 0 : lossSum / Double(truth.count) }

  /// Adds one entry.
  mutating func append(
    probabilities values: UnsafeBufferPointer<Float>, truth labels: [Int32], unseen: Int
  ) {
    probabilities.append(contentsOf: values)
    truth.append(labels)
    self.unseen.append(unseen)
    labels.withUnsafeBufferPointer { targets in
      lossSum += Double(SigmoidCrossEntropy.loss(probabilities: values, targets: targets))
    }
  }

  /// The thresholds `choice` gives: the fixed value for every label, or each label's best.
  func thresholds(_ choice: ThresholdChoice) -> [Float] {
    switch choice {
    case .fixed(let value): return Array(repeating: Float(value), count: labels)
    case .tuned: return tunedThresholds()
    }
  }

  /// The counts of answering, for each entry, the labels whose probability reaches its
  /// threshold.
  func counts(thresholds: [Float]) -> MultiLabelCounts {
    var counts = MultiLabelCounts(labels: labels)
    var predicted: [Int32] = []
    for entry in truth.indices {
      predicted.removeAll(keepingCapacity: true)
      for label in 0..<labels where probabilities[entry * labels + label] >= thresholds[label] {
        predicted.append(Int32(label))
      }
      counts.record(truth: truth[entry], predicted: predicted, unseen: unseen[entry])
    }
    return counts
  }

  /// Per label, the threshold that maximises its F1 on these entries, which together
  /// maximise the task's macro-F1 (each label's F1 depends on its own threshold only).
  ///
  /// Sorting a label's probabilities from the highest, answering the top `k` gives
  /// `F1 = 2·TP_k / (P + k)` for its `P` positives, so one pass over the sorted list tries
  /// every distinct cut. The threshold is placed halfway between the last probability
  /// answered and the first one not, so a model a little off on new data still cuts in
  /// the same gap. A label without a positive entry, or whose best F1 is 0, keeps 0.5.
  func tunedThresholds() -> [Float] {
    var thresholds = [Float](repeating: 0.5, count: labels)
    var positive = [Bool](repeating: false, count: truth.count)
    var order = Array(truth.indices)
    for label in 0..<labels {
      var positives = 0
      for entry in truth.indices {
        positive[entry] = truth[entry].contains(Int32(label))
        if positive[entry] { positives += 1 }
      }
      guard positives > 0 else { continue }
      let probability = { (entry: Int) in self.probabilities[entry * self.labels + label] }
      order.sort { probability($0) > probability($1) }
      var hits = 0
      var bestF1 = 0.0
      for (rank, entry) in order.enumerated() {
        if positive[entry] { hits += 1 }
        let count = rank + 1
        // Only cut between distinct probabilities: tied entries are answered together.
        if count < order.count && probability(order[count]) == probability(entry) { continue }
        let f1 = 2 * Double(hits) / Double(positives + count)
        if f1 > bestF1 {
          bestF1 = f1
          let next = count < order.count ? probability(order[count]) : 0
          let middle = (probability(entry) + next) / 2
          // Between floats one ulp apart the midpoint rounds onto one of them; onto `next`
          // it would answer `next` too, so the cut is then the last answered value itself.
          thresholds[label] = middle > next ? middle : probability(entry)
        }
      }
    }
    return thresholds
  }
}
