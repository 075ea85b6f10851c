import Foundation
import Testing

@testable import MultiTaskText

@Suite struct SoftmaxCrossEntropyTests {
  @Test func softmaxIsStableForHugeScores() {
    var scores: [Float] = [1000, 1001, 999]
    SoftmaxCrossEntropy.softmax(&scores)
    #expect(scores.allSatisfy { $0.isFinite && $0 > 0 })
    #expect(abs(scores.reduce(0, +) - 1) < 1e-6)
    let expected = [exp(-1.0), 1, exp(-2.0)].map { $0 / (1 + exp(-1.0) + exp(-2.0)) }
    for (value, reference) in zip(scores, expected) {
      #expect(abs(Double(value) - reference) < 1e-6)
    }
  }

  static let losses: [([Float], Int32, Float)] = [
    ([0, 0], 0, Float(log(2.0))),
    ([0, 0, 0, 0], 3, Float(log(4.0))),
    ([2, 0], 0, Float(log(1 + exp(-2.0)))),
    ([0, 200], 0, 87.33655),  // Clamped at the smallest normal probability.
  ]

  @Test(arguments: losses)
  func lossMatchesClosedForm(scores: [Float], target: Int32, expected: Float) {
    var values = scores
    let loss = SoftmaxCrossEntropy.lossAndGradient(&values, target: LabelID(target))
    #expect(abs(loss - expected) < 1e-4)
  }

  @Test func gradientIsProbabilitiesMinusOneHotTimesWeight() {
    var values: [Float] = [1, 2, 3]
    var probabilities = values
    SoftmaxCrossEntropy.softmax(&probabilities)
    _ = SoftmaxCrossEntropy.lossAndGradient(&values, target: LabelID(1), weight: 0.5)
    let expected = [0.5 * probabilities[0], 0.5 * (probabilities[1] - 1), 0.5 * probabilities[2]]
    #expect(zip(values, expected).allSatisfy { abs($0 - $1) < 1e-6 })
    #expect(abs(values.reduce(0, +)) < 1e-6)
  }

  @Test func worksOnSlicesOfAScratchBuffer() {
    var scratch: [Float] = [9, 0, 0, 9]
    let loss = SoftmaxCrossEntropy.lossAndGradient(&scratch[1..<3], target: LabelID(0))
    #expect(abs(loss - Float(log(2.0))) < 1e-6)
    #expect(scratch == [9, -0.5, 0.5, 9])
  }
}
