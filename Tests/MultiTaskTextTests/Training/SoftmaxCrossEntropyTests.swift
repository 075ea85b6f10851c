import Foundation
import Testing

@testable import MultiTaskText

@Suite struct SoftmaxCrossEntropyTests {
  @Test func softmaxIsStableForHugeScores() {
    var scores: [Float] = [1000, 1001, 999]
    Softmax.apply(&scores)
    #expect(scores.allSatisfy { $0.isFinite && $0 > 0 })
    #expect(abs(scores.reduce(0, +) - 1) < 1e-6)
    let expected = [exp(-1.0), 1, exp(-2.0)].map { $0 / (1 + exp(-1.0) + exp(-2.0)) }
    for (value, reference) in zip(scores, expected) {
      #expect(abs(Double(value) - reference) < 1e-6)
    }
  }

  @Test func mostProbableBreaksTiesTowardsTheFirstLabel() {
    let values: [Float] = [0.25, 0.25, 0.25, 0.25]
    #expect(values.withUnsafeBufferPointer(Softmax.mostProbable) == 0)
    let later: [Float] = [0.2, 0.4, 0.4]
    #expect(later.withUnsafeBufferPointer(Softmax.mostProbable) == 1)
    #expect([Float]().withUnsafeBufferPointer(Softmax.mostProbable) == 0)
  }

  static let losses: [([Float], Int, Float)] = [
    ([0, 0], 0, Float(log(2.0))),
    ([0, 0, 0, 0], 3, Float(log(4.0))),
    ([2, 0], 0, Float(log(1 + exp(-2.0)))),
    ([0, 200], 0, 87.33655),  // Clamped at the smallest normal probability.
  ]

  @Test(arguments: losses)
  func lossMatchesClosedForm(scores: [Float], target: Int, expected: Float) {
    var values = scores
    Softmax.apply(&values)
    let loss = values.withUnsafeBufferPointer {
      SoftmaxCrossEntropy.loss(probabilities: $0, target: target)
    }
    #expect(abs(loss - expected) < 1e-4)
  }

  /// The step moves each label row by rate × (onehot − p) × input, and collects the same
  /// coefficients times the old rows into the input's gradient.
  @Test func stepMatchesTheClosedFormUpdate() {
    var probabilities: [Float] = [1, 2, 3]
    Softmax.apply(&probabilities)
    let before: [Float] = [0.5, -1, 0.25, 2, -0.5, 1]
    var head = before
    let input: [Float] = [2, -1]
    var gradient: [Float] = [0, 0]
    probabilities.withUnsafeBufferPointer { probabilities in
      head.withUnsafeMutableBufferPointer { head in
        guard let rows = head.baseAddress else { return }
        SoftmaxCrossEntropy.step(
          probabilities: probabilities, targets: SingleTarget(label: 1), rate: 0.5, headRate: 2,
          head: rows,
          input: input, dimension: 2, inputGradient: &gradient)
      }
    }
    for label in 0..<3 {
      let coefficient: Float = 0.5 * ((label == 1 ? 1 : 0) - probabilities[label])
      for column in 0..<2 {
        let expected = before[label * 2 + column] + coefficient * 2 * input[column]
        #expect(abs(head[label * 2 + column] - expected) < 1e-6)
      }
    }
    var expectedGradient: [Float] = [0, 0]
    for label in 0..<3 {
      let coefficient: Float = 0.5 * ((label == 1 ? 1 : 0) - probabilities[label])
      for column in 0..<2 { expectedGradient[column] += coefficient * before[label * 2 + column] }
    }
    #expect(zip(gradient, expectedGradient).allSatisfy { abs($0 - $1) < 1e-6 })
  }
}
