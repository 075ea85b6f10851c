import Foundation
import Testing

@testable import MultiTaskText

/// Each ``Head``'s gradient step, through ``TaskHead`` as the workers call it, against central
/// differences of the head's loss written the naive way in `Double`: with SGD, a step of rate
/// `η` must move the rows by `−η ∂loss/∂rows` and leave `−η ∂loss/∂input` in the input's
/// gradient.
struct HeadGradientTests {
  static let labels = 4
  static let dimension = 5
  static let counts = [5, 3, 2, 1]
  static let rate: Float = 1e-3

  /// Labels `l` with `targets` as the head reads them, and the naive loss of the head's rows
  /// `rows` (`labels × dimension`, row-major) at `input`.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var head: TaskHead
    var targets: [Int32]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "softmax", head: .softmax(SoftmaxHead()), targets: [2]),
    Case(name: "one-vs-all", head: .oneVersusAll(OneVersusAllHead()), targets: [0, 2]),
    Case(
      name: "hierarchical",
      head: .hierarchical(HierarchicalHead(tree: HuffmanTree(counts: counts))),
      targets: [2]),
    Case(
      name: "sampled",
      head: .sampled(SampledSoftmaxHead(sampler: NegativeSampler(counts: counts), negatives: 3)),
      targets: [2]),
  ]

  static func score(_ rows: [Double], _ row: Int, _ input: [Double]) -> Double {
    (0..<dimension).reduce(0) { $0 + rows[row * dimension + $1] * input[$1] }
  }

  static func logSigmoid(_ score: Double) -> Double { -log1p(exp(-score)) }

  /// The loss the head's step descends, from its definition. `negatives` are the labels a
  /// sampled head drew.
  static func loss(
    _ testCase: Case, rows: [Double], input: [Double], negatives: [Int]
  ) -> Double {
    let target = Int(testCase.targets[0])
    switch testCase.head {
    case .softmax:
      let scores = (0..<labels).map { score(rows, $0, input) }
      return -scores[target] + log(scores.map(exp).reduce(0, +))
    case .oneVersusAll:
      return (0..<labels).reduce(0) { total, label in
        let positive = testCase.targets.contains(Int32(label))
        let value = score(rows, label, input)
        return total - (positive ? logSigmoid(value) : logSigmoid(-value))
      }
    case .hierarchical(let head):
      let tree = head.tree
      return (tree.pathStarts[target]..<tree.pathStarts[target + 1]).reduce(0) { total, index in
        let value = score(rows, Int(tree.pathNodes[index]), input)
        return total - (tree.pathRight[index] ? logSigmoid(value) : logSigmoid(-value))
      }
    case .sampled:
      return negatives.reduce(-logSigmoid(score(rows, target, input))) {
        $0 - logSigmoid(-score(rows, $1, input))
      }
    }
  }

  /// Central differences of `function` at `point`.
  static func gradient(_ point: [Double], _ function: ([Double]) -> Double) -> [Double] {
    let step = 1e-5
    return point.indices.map { index in
      var plus = point
      var minus = point
      plus[index] += step
      minus[index] -= step
      return (function(plus) - function(minus)) / (2 * step)
    }
  }

  @Test(arguments: cases)
  func theStepIsTheLossGradient(_ testCase: Case) throws {
    var random = SplitMix64(seed: 11)
    var rows = (0..<Self.labels * Self.dimension).map { _ in random.nextUnitFloat() - 0.5 }
    let input = (0..<Self.dimension).map { _ in random.nextUnitFloat() * 2 - 1 }
    let before = rows
    var inputGradient = [Float](repeating: 0, count: Self.dimension)
    var embedding: [Float] = [0]
    var negatives = SplitMix64(seed: 5, stream: .negatives)
    var replay = negatives
    let scratch = ForwardScratch(dimension: Self.dimension, labels: Self.labels)
    let loss = rows.withUnsafeMutableBufferPointer { rows in
      embedding.withUnsafeMutableBufferPointer { embedding in
        input.withUnsafeBufferPointer { input in
          inputGradient.withUnsafeMutableBufferPointer { inputGradient in
            testCase.targets.withUnsafeBufferPointer { targets in
              var parameters = SharedParameters(
                embeddings: embedding.baseAddress!, heads: [rows.baseAddress!],
                labelCounts: [Self.labels],
                labelWeights: [Array(repeating: 1, count: Self.labels)],
                dimension: Self.dimension)
              parameters.taskHeads = [testCase.head]
              let update = HeadUpdate(
                rows: rows.baseAddress!, squares: nil, input: input.baseAddress!,
                inputGradient: inputGradient.baseAddress!, dimension: Self.dimension,
                learningRate: Self.rate, headRate: 1, weight: 1)
              return testCase.head.train(
                ofTask: 0, targets: targets, update: update, with: parameters, scratch: scratch,
                generator: &negatives)
            }
          }
        }
      }
    }
    var drawn: [Int] = []
    if case .sampled(let head) = testCase.head {
      drawn = (0..<head.negatives).map { _ in
        head.sampler.draw(excluding: Int(testCase.targets[0]), using: &replay)
      }
    }
    let rowsPoint = before.map(Double.init)
    let inputPoint = input.map(Double.init)
    let expectedLoss = Self.loss(testCase, rows: rowsPoint, input: inputPoint, negatives: drawn)
    // A sampled head that draws a label twice scores its moved row the second time: the
    // loss and the steps differ from the gradient at the start by a term of order rate.
    #expect(abs(Double(loss) - expectedLoss) < 2e-3 * max(1, expectedLoss))
    let rowsGradient = Self.gradient(rowsPoint) {
      Self.loss(testCase, rows: $0, input: inputPoint, negatives: drawn)
    }
    let inputGradientExpected = Self.gradient(inputPoint) {
      Self.loss(testCase, rows: rowsPoint, input: $0, negatives: drawn)
    }
    for index in rows.indices {
      let moved = Double(rows[index] - before[index]) / Double(Self.rate)
      let expected: Double = -rowsGradient[index]
      let tolerance: Double = 2e-3 + 1e-2 * abs(expected)
      #expect(abs(moved - expected) < tolerance, "row value \(index): \(moved) ≠ \(expected)")
    }
    for index in inputGradient.indices {
      let collected = Double(inputGradient[index]) / Double(Self.rate)
      let expected: Double = -inputGradientExpected[index]
      let tolerance: Double = 1e-3 + 1e-2 * abs(expected)
      #expect(abs(collected - expected) < tolerance, "input \(index): \(collected) ≠ \(expected)")
    }
    // Something moved: the check is not vacuous.
    #expect(rows != before)
  }
}
