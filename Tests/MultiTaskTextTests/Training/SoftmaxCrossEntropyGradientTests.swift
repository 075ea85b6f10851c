import Testing

@testable import MultiTaskText

/// Finite-difference checks of the gradient through a small linear softmax head,
/// `loss = weight × crossEntropy(softmax(W x), target)`.
@Suite struct SoftmaxCrossEntropyGradientTests {
  static let step: Float = 1e-3
  static let tolerance: Float = 2e-3

  struct Head {
    var weights: Matrix
    var input: [Float]
    let target: LabelID
    let weight: Float

    init(labels: Int, dimension: Int, target: Int32, weight: Float, seed: UInt64) {
      var generator = SplitMix64(seed: seed)
      weights = Matrix(rows: labels, columns: dimension, uniformBound: 1, using: &generator)
      input = (0..<dimension).map { _ in generator.nextUnitFloat() * 2 - 1 }
      self.target = LabelID(target)
      self.weight = weight
    }

    /// The weighted loss, computed with the same kernels training uses.
    func loss() -> Float {
      var scores = [Float](repeating: 0, count: weights.rows)
      weights.multiply(input, into: &scores)
      return weight * SoftmaxCrossEntropy.lossAndGradient(&scores, target: target)
    }

    /// The analytic gradients with respect to the head's weights and its input.
    func gradients() -> (weights: Matrix, input: [Float]) {
      var scores = [Float](repeating: 0, count: weights.rows)
      weights.multiply(input, into: &scores)
      _ = SoftmaxCrossEntropy.lossAndGradient(&scores, target: target, weight: weight)
      var weightGradient = Matrix(rows: weights.rows, columns: weights.columns)
      for row in 0..<weights.rows {
        weightGradient.addVectorToRow(input, row: row, scale: scores[row])
      }
      var inputGradient = [Float](repeating: 0, count: weights.columns)
      weights.addTransposedProduct(scores, to: &inputGradient)
      return (weightGradient, inputGradient)
    }
  }

  static let heads: [(Int, Int, Int32, Float)] = [
    (2, 3, 0, 1), (4, 5, 2, 0.7), (7, 9, 6, 2.5), (3, 17, 1, 1),
  ]

  @Test(arguments: heads)
  func weightGradientMatchesFiniteDifferences(
    labels: Int, dimension: Int, target: Int32, weight: Float
  ) {
    let head = Head(labels: labels, dimension: dimension, target: target, weight: weight, seed: 5)
    let analytic = head.gradients().weights
    for row in 0..<labels {
      for column in 0..<dimension {
        var plus = head
        plus.weights[row, column] += Self.step
        var minus = head
        minus.weights[row, column] -= Self.step
        let numeric = (plus.loss() - minus.loss()) / (2 * Self.step)
        #expect(abs(numeric - analytic[row, column]) < Self.tolerance, "W[\(row), \(column)]")
      }
    }
  }

  @Test(arguments: heads)
  func inputGradientMatchesFiniteDifferences(
    labels: Int, dimension: Int, target: Int32, weight: Float
  ) {
    let head = Head(labels: labels, dimension: dimension, target: target, weight: weight, seed: 6)
    let analytic = head.gradients().input
    for column in 0..<dimension {
      var plus = head
      plus.input[column] += Self.step
      var minus = head
      minus.input[column] -= Self.step
      let numeric = (plus.loss() - minus.loss()) / (2 * Self.step)
      #expect(abs(numeric - analytic[column]) < Self.tolerance, "x[\(column)]")
    }
  }
}
