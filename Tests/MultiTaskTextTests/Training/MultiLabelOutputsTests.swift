import Testing

@testable import MultiTaskText

/// Per-label thresholds tuned on dev outputs against brute force: trying every cut of every
/// label finds no F1 above the one the tuned thresholds reach.
@Suite struct MultiLabelOutputsTests {
  /// Dev outputs over `labels` labels: each entry's probabilities and true labels.
  static func outputs(labels: Int, entries: [([Float], [Int32])]) -> MultiLabelOutputs {
    var outputs = MultiLabelOutputs(labels: labels)
    for (probabilities, truth) in entries {
      probabilities.withUnsafeBufferPointer {
        outputs.append(probabilities: $0, truth: truth, unseen: 0)
      }
    }
    return outputs
  }

  /// Random entries; with `steps`, probabilities are multiples of `1 / steps`, so ties are
  /// frequent. Labels are true more often when their probability is high, as after training.
  static func randomEntries(seed: UInt64, labels: Int, count: Int, steps: Int?)
    -> [([Float], [Int32])]
  {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let probabilities = (0..<labels).map { _ -> Float in
        let value = generator.nextUnitFloat()
        guard let steps else { return value }
        return (value * Float(steps)).rounded(.down) / Float(steps)
      }
      let truth = (0..<labels).filter { label in
        generator.nextUnitFloat() < 0.1 + 0.6 * probabilities[label]
      }.map(Int32.init)
      return (probabilities, truth)
    }
  }

  /// The best F1 of `label` over every threshold: each distinct probability (answering the
  /// entries at or above it), and one above them all (answering none).
  static func bruteForceF1(label: Int, labels: Int, entries: [([Float], [Int32])]) -> Double {
    let values = Set(entries.map { $0.0[label] })
    var best = 0.0
    for threshold in values {
      var truePositives = 0
      var answered = 0
      var positives = 0
      for (probabilities, truth) in entries {
        let isPositive = truth.contains(Int32(label))
        if isPositive { positives += 1 }
        if probabilities[label] >= threshold {
          answered += 1
          if isPositive { truePositives += 1 }
        }
      }
      best = max(
        best,
        positives + answered == 0 ? 0 : 2 * Double(truePositives) / Double(positives + answered))
    }
    return best
  }

  @Test(
    arguments: [
      (1, 3, 40, nil), (2, 5, 200, nil), (3, 4, 100, 20), (4, 6, 30, 4), (5, 2, 7, 3),
      (6, 8, 500, 50),
    ] as [(UInt64, Int, Int, Int?)])
  func tunedThresholdsReachTheBruteForceBestF1OfEachLabel(
    seed: UInt64, labels: Int, count: Int, steps: Int?
  ) {
    let entries = Self.randomEntries(seed: seed, labels: labels, count: count, steps: steps)
    let outputs = Self.outputs(labels: labels, entries: entries)
    let thresholds = outputs.tunedThresholds()
    #expect(thresholds.count == labels)
    #expect(outputs.thresholds(.tuned) == thresholds)
    let counts = outputs.counts(thresholds: thresholds)
    for label in 0..<labels {
      let best = Self.bruteForceF1(label: label, labels: labels, entries: entries)
      #expect(abs(counts.f1(label) - best) < 1e-12, "label \(label): \(thresholds[label])")
    }
    // Each label's F1 depends on its threshold alone, so no fixed threshold does better on
    // macro-F1 either.
    for fixed in stride(from: Float(0.05), to: 1, by: 0.05) {
      let other = outputs.counts(thresholds: outputs.thresholds(.fixed(Double(fixed))))
      #expect(other.macroF1 <= counts.macroF1 + 1e-12)
    }
  }

  /// The cut falls strictly between the last probability answered and the first one not.
  @Test func theThresholdSitsBetweenTheAnsweredAndTheRest() {
    let entries: [([Float], [Int32])] = [
      ([0.9], [0]), ([0.8], [0]), ([0.6], []), ([0.3], [0]), ([0.2], []),
    ]
    let outputs = Self.outputs(labels: 1, entries: entries)
    // Answering the top four: F1 = 6/7, better than the top two (4/5) or all five (6/8).
    let threshold = outputs.tunedThresholds()[0]
    let best = Self.bruteForceF1(label: 0, labels: 1, entries: entries)
    #expect(abs(outputs.counts(thresholds: [threshold]).f1(0) - best) < 1e-12)
    #expect(threshold > 0.2 && threshold <= 0.3)
  }

  /// Two neighbouring probabilities one ulp apart: their midpoint rounds to one of them, and
  /// it must not round onto the first entry meant to stay unanswered.
  @Test(arguments: [Float(0.75), 0.5, 0.001, 0.9999])
  func aCutBetweenNeighbouringFloatsKeepsTheSameAnswers(base: Float) {
    for (high, low) in [(base.nextUp, base), (base, base.nextDown)] {
      let entries: [([Float], [Int32])] = [([high], [0]), ([high], [0]), ([low], []), ([low], [])]
      let outputs = Self.outputs(labels: 1, entries: entries)
      let threshold = outputs.tunedThresholds()[0]
      #expect(outputs.counts(thresholds: [threshold]).f1(0) == 1, "\(high) \(low) → \(threshold)")
      #expect(threshold > low && threshold <= high)
    }
  }

  @Test func aLabelWithoutPositivesKeepsOneHalf() {
    let entries: [([Float], [Int32])] = [([0.9, 0.1], [0]), ([0.8, 0.7], []), ([0.2, 0.6], [])]
    let thresholds = Self.outputs(labels: 2, entries: entries).tunedThresholds()
    #expect(thresholds[1] == 0.5)
    #expect(MultiLabelOutputs(labels: 3).tunedThresholds() == [0.5, 0.5, 0.5])
    #expect(Self.outputs(labels: 2, entries: entries).thresholds(.fixed(0.3)) == [0.3, 0.3])
  }
}
