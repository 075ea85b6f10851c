import Foundation
import Testing

@testable import MultiTaskText

/// The one-vs-all sigmoid loss of multi-label heads: its value against the closed form, and
/// the training step against finite differences of that value, as
/// ``SoftmaxCrossEntropyGradientTests`` checks the softmax step.
@Suite struct SigmoidCrossEntropyTests {
  static let step: Float = 1e-3
  static let tolerance: Float = 2e-3

  /// A linear multi-label head `W x` with its positive labels and loss weight.
  struct Head {
    var weights: Matrix
    var input: [Float]
    let targets: [Int32]
    let weight: Float

    init(labels: Int, dimension: Int, targets: [Int32], weight: Float, seed: UInt64) {
      var generator = SplitMix64(seed: seed)
      weights = Matrix(rows: labels, columns: dimension, uniformBound: 1, using: &generator)
      input = (0..<dimension).map { _ in generator.nextUnitFloat() * 2 - 1 }
      self.targets = targets
      self.weight = weight
    }

    func probabilities() -> [Float] {
      var scores = [Float](repeating: 0, count: weights.rows)
      weights.multiply(input, into: &scores)
      return scores.map(Sigmoid.value)
    }

    /// The weighted loss as training computes it: sigmoids of the head's scores, then the
    /// summed binary cross-entropy.
    func loss() -> Float {
      let probabilities = probabilities()
      return weight
        * probabilities.withUnsafeBufferPointer { probabilities in
          targets.withUnsafeBufferPointer { targets in
            SigmoidCrossEntropy.loss(probabilities: probabilities, targets: targets)
          }
        }
    }

    /// −(the step's movement) with rate `weight` and head rate 1 is ∂loss/∂W, and the
    /// negated input gradient it collects is ∂loss/∂x.
    func gradients() -> (weights: Matrix, input: [Float]) {
      let probabilities = probabilities()
      var stepped = weights.storage
      var inputStep = [Float](repeating: 0, count: weights.columns)
      probabilities.withUnsafeBufferPointer { probabilities in
        targets.withUnsafeBufferPointer { targets in
          stepped.withUnsafeMutableBufferPointer { head in
            SoftmaxCrossEntropy.step(
              probabilities: probabilities, targets: SortedTargets(column: targets), rate: weight,
              headRate: 1,
              head: head.baseAddress!, input: input, dimension: weights.columns,
              inputGradient: &inputStep)
          }
        }
      }
      let weightGradient = Matrix(
        rows: weights.rows, columns: weights.columns,
        storage: zip(weights.storage, stepped).map { $0 - $1 })
      return (weightGradient, inputStep.map { -$0 })
    }
  }

  /// Labels, dimension, positive labels (sorted) and weight: one positive, none, several,
  /// and every label positive.
  static let heads: [(Int, Int, [Int32], Float)] = [
    (2, 3, [0], 1), (4, 5, [], 0.7), (6, 9, [1, 3, 5], 2.5), (3, 17, [0, 1, 2], 1),
  ]

  @Test(arguments: heads)
  func weightGradientMatchesFiniteDifferences(
    labels: Int, dimension: Int, targets: [Int32], weight: Float
  ) {
    let head = Head(
      labels: labels, dimension: dimension, targets: targets, weight: weight, seed: 11)
    let analytic = head.gradients().weights
    for row in 0..<labels {
      for column in 0..<dimension {
        let numeric = centralDifference(
          of: head, along: \.weights[row, column], step: Self.step
        ) { $0.loss() }
        #expect(abs(numeric - analytic[row, column]) < Self.tolerance, "W[\(row), \(column)]")
      }
    }
  }

  @Test(arguments: heads)
  func inputGradientMatchesFiniteDifferences(
    labels: Int, dimension: Int, targets: [Int32], weight: Float
  ) {
    let head = Head(
      labels: labels, dimension: dimension, targets: targets, weight: weight, seed: 12)
    let analytic = head.gradients().input
    for column in 0..<dimension {
      let numeric = centralDifference(of: head, along: \.input[column], step: Self.step) {
        $0.loss()
      }
      #expect(abs(numeric - analytic[column]) < Self.tolerance, "x[\(column)]")
    }
  }

  /// Σ_l log(1 + e^(−s_l)) over positives plus log(1 + e^(s_l)) over negatives, in Double.
  @Test(arguments: heads)
  func lossMatchesTheClosedForm(labels: Int, dimension: Int, targets: [Int32], weight: Float) {
    let head = Head(labels: labels, dimension: dimension, targets: targets, weight: 1, seed: 13)
    var scores = [Float](repeating: 0, count: labels)
    head.weights.multiply(head.input, into: &scores)
    let expected = scores.enumerated().reduce(0.0) { total, entry in
      let score = Double(entry.element)
      let positive = targets.contains(Int32(entry.offset))
      return total + log(1 + exp(positive ? -score : score))
    }
    #expect(abs(Double(head.loss()) - expected) < 1e-5)
  }

  @Test func lossIsFiniteForSaturatedProbabilities() {
    let probabilities: [Float] = [Sigmoid.value(200), Sigmoid.value(-200)]
    #expect(probabilities[0] == 1)
    #expect(probabilities[1] >= 0 && probabilities[1] < 1e-30)
    let targets: [Int32] = [1]
    let loss = probabilities.withUnsafeBufferPointer { probabilities in
      targets.withUnsafeBufferPointer {
        SigmoidCrossEntropy.loss(probabilities: probabilities, targets: $0)
      }
    }
    // Both labels are wrong with certainty: each costs −log of the smallest normal float.
    #expect(loss.isFinite)
    #expect(abs(loss - 2 * 87.33655) < 1e-2)
  }

  /// AdaGrad's step moves the same coefficients as SGD's into the input gradient, and moves
  /// each label row at its own rate `learningRate / √(Σ c² · mean(x²))`.
  @Test func adaptiveStepMatchesANaiveUpdate() {
    let head = Head(labels: 4, dimension: 5, targets: [0, 2], weight: 1.5, seed: 14)
    let probabilities = head.probabilities()
    var stepped = head.weights.storage
    var squares: [Float] = [0.5, 1, 0, 2]
    let before = squares
    var inputGradient = [Float](repeating: 0, count: 5)
    probabilities.withUnsafeBufferPointer { probabilities in
      head.targets.withUnsafeBufferPointer { targets in
        stepped.withUnsafeMutableBufferPointer { rows in
          SoftmaxCrossEntropy.adaptiveStep(
            probabilities: probabilities, targets: SortedTargets(column: targets), weight: 1.5,
            learningRate: 0.1,
            head: rows.baseAddress!, squares: &squares, input: head.input, dimension: 5,
            inputGradient: &inputGradient)
        }
      }
    }
    let meanSquare = head.input.map { $0 * $0 }.reduce(0, +) / 5
    var expectedGradient = [Float](repeating: 0, count: 5)
    for label in 0..<4 {
      let target: Float = head.targets.contains(Int32(label)) ? 1 : 0
      let coefficient = 1.5 * (target - probabilities[label])
      let square = before[label] + coefficient * coefficient * meanSquare
      #expect(abs(squares[label] - square) < 1e-5)
      for column in 0..<5 {
        expectedGradient[column] += coefficient * head.weights[label, column]
        let expected =
          head.weights[label, column] + 0.1 / square.squareRoot() * coefficient * head.input[column]
        #expect(abs(stepped[label * 5 + column] - expected) < 1e-5)
      }
    }
    #expect(zip(inputGradient, expectedGradient).allSatisfy { abs($0 - $1) < 1e-5 })
    // The same gradient for the shared vector as the finite-difference-checked SGD step.
    let sgd = head.gradients().input.map { -$0 }
    #expect(zip(inputGradient, sgd).allSatisfy { abs($0 - $1) < 1e-5 })
  }
}
