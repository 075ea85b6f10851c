import Foundation
import Testing

@testable import MultiTaskText

/// The fitted temperature against a brute-force grid of temperatures, and its direction on
/// sets made over- and underconfident on purpose.
@Suite struct TemperatureScalingTests {
  /// The mean negative log-likelihood of `truth` under `softmax(logits / T)`, in Double.
  static func negativeLogLikelihood(
    _ temperature: Double, logits: [Float], truth: [Int], labels: Int
  ) -> Double {
    var total = 0.0
    for (document, target) in truth.enumerated() {
      let scores = (0..<labels).map { Double(logits[document * labels + $0]) / temperature }
      let largest = scores.max()!
      let normalizer = largest + log(scores.map { exp($0 - largest) }.reduce(0, +))
      total += normalizer - scores[target]
    }
    return total / Double(truth.count)
  }

  /// `count` documents over `labels` labels whose top label (`margin` above the rest, plus
  /// noise) is the true one with probability `accuracy`.
  static func synthetic(
    seed: UInt64, count: Int, labels: Int, accuracy: Float, margin: Float
  ) -> (logits: [Float], truth: [Int]) {
    var generator = SplitMix64(seed: seed)
    var logits: [Float] = []
    var truth: [Int] = []
    for _ in 0..<count {
      let target = Int(generator.next() % UInt64(labels))
      var top = target
      if generator.nextUnitFloat() >= accuracy {
        top = (target + 1 + Int(generator.next() % UInt64(labels - 1))) % labels
      }
      for label in 0..<labels {
        let noise = generator.nextUnitFloat() - 0.5
        logits.append((label == top ? margin : 0) + noise)
      }
      truth.append(target)
    }
    return (logits, truth)
  }

  @Test(
    arguments: [
      (1, 3, Float(0.6), Float(6)), (2, 4, 0.95, 0.4), (3, 2, 0.8, 1.5), (4, 5, 0.5, 12),
      (5, 3, 0.99, 3),
    ] as [(UInt64, Int, Float, Float)])
  func theFittedTemperatureIsAtTheBruteForceMinimum(
    seed: UInt64, labels: Int, accuracy: Float, margin: Float
  ) {
    let (logits, truth) = Self.synthetic(
      seed: seed, count: 300, labels: labels, accuracy: accuracy, margin: margin)
    let fitted = TemperatureScaling.fit(logits: logits, truth: truth, labels: labels)
    #expect(TemperatureScaling.range.contains(Double(fitted)))
    let steps = 4_000
    let low = log(TemperatureScaling.range.lowerBound)
    let high = log(TemperatureScaling.range.upperBound)
    let gridMinimum = (0...steps).map { step in
      Self.negativeLogLikelihood(
        exp(low + (high - low) * Double(step) / Double(steps)), logits: logits, truth: truth,
        labels: labels)
    }.min()!
    let atFitted = Self.negativeLogLikelihood(
      Double(fitted), logits: logits, truth: truth, labels: labels)
    #expect(atFitted <= gridMinimum + 1e-3, "T = \(fitted)")
    #expect(atFitted <= Self.negativeLogLikelihood(1, logits: logits, truth: truth, labels: labels))
  }

  @Test func anOverconfidentSetIsFlattenedAndAnUnderconfidentOneSharpened() {
    let over = Self.synthetic(seed: 7, count: 400, labels: 3, accuracy: 0.6, margin: 8)
    #expect(TemperatureScaling.fit(logits: over.logits, truth: over.truth, labels: 3) > 1)
    let under = Self.synthetic(seed: 8, count: 400, labels: 3, accuracy: 0.95, margin: 0.5)
    #expect(TemperatureScaling.fit(logits: under.logits, truth: under.truth, labels: 3) < 1)
  }

  @Test func nothingToFitGivesOne() {
    #expect(TemperatureScaling.fit(logits: [], truth: [], labels: 3) == 1)
    #expect(TemperatureScaling.fit(logits: [0.3, 0.1], truth: [0, 0], labels: 1) == 1)
  }
}
