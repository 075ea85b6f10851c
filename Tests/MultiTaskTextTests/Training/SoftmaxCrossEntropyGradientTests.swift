import Testing

@testable import MultiTaskText

/// Finite-difference checks of the training step through a small linear softmax head,
/// `loss = weight × crossEntropy(softmax(W x), target)`: the code under test is the step the
/// trainer runs, not a separate reference.
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

    /// The weighted loss, computed with the kernels training runs: the head's scores, the
    /// model's softmax, then the cross-entropy of the target.
    func loss() -> Float {
      var scores = [Float](repeating: 0, count: weights.rows)
      weights.multiply(input, into: &scores)
      Softmax.apply(&scores)
      return weight
        * scores.withUnsafeBufferPointer {
          SoftmaxCrossEntropy.loss(probabilities: $0, target: Int(target.rawValue))
        }
    }

    /// The gradients with respect to the head's weights and its input, read off the
    /// trainer's own step: with rate `weight`, the step moves the weights by −∂loss/∂W and
    /// collects −∂loss/∂input.
    func gradients() -> (weights: Matrix, input: [Float]) {
      var probabilities = [Float](repeating: 0, count: weights.rows)
      weights.multiply(input, into: &probabilities)
      Softmax.apply(&probabilities)
      var stepped = weights.storage
      var inputStep = [Float](repeating: 0, count: weights.columns)
      probabilities.withUnsafeBufferPointer { probabilities in
        stepped.withUnsafeMutableBufferPointer { head in
          guard let rows = head.baseAddress else { return }
          SoftmaxCrossEntropy.step(
            probabilities: probabilities, targets: SingleTarget(label: Int(target.rawValue)),
            rate: weight,
            headRate: 1, head: rows, input: input, dimension: weights.columns,
            inputGradient: &inputStep)
        }
      }
      let weightGradient = Matrix(
        rows: weights.rows, columns: weights.columns,
        storage: zip(weights.storage, stepped).map { $0 - $1 })
      return (weightGradient, inputStep.map { -$0 })
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
        let numeric = centralDifference(
          of: head, along: \.weights[row, column], step: Self.step
        ) { $0.loss() }
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
      let numeric = centralDifference(of: head, along: \.input[column], step: Self.step) {
        $0.loss()
      }
      #expect(abs(numeric - analytic[column]) < Self.tolerance, "x[\(column)]")
    }
  }
}
