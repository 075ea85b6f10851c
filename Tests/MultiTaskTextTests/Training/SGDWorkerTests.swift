import Testing

@testable import MultiTaskText

struct SGDWorkerTests {
  /// Two tasks over a 4-row embedding of width 3; the document uses rows 0 and 2.
  struct Setup {
    var embeddings: [Float] = [0.1, -0.2, 0.3, 0.0, 0.5, 0.1, -0.4, 0.2, 0.2, 0.3, 0.3, -0.1]
    var first: [Float] = [0.2, 0.1, -0.3, -0.1, 0.4, 0.2]
    var second: [Float] = [0.3, -0.2, 0.1, 0.0, 0.1, 0.5, -0.3, 0.2, 0.2]

    mutating func step(labels: [Int32], rate: Float = 0.5) -> Bool {
      let features: [Int32] = [0, 2]
      return embeddings.withUnsafeMutableBufferPointer { embeddings in
        first.withUnsafeMutableBufferPointer { first in
          second.withUnsafeMutableBufferPointer { second in
            let parameters = SharedParameters(
              embeddings: embeddings.baseAddress!,
              heads: [first.baseAddress!, second.baseAddress!], labelCounts: [2, 3],
              labelWeights: [[1, 1], [2, 2, 2]], dimension: 3)
            var worker = SGDWorker<FixedWeighting>(parameters: parameters)
            return features.withUnsafeBufferPointer { features in
              labels.withUnsafeBufferPointer { labels in
                worker.step(features: features, labels: labels, learningRate: rate)
              }
            }
          }
        }
      }
    }
  }

  @Test func aMissingLabelLeavesThatHeadUntouched() {
    var setup = Setup()
    let before = setup
    let stepped = setup.step(labels: [-1, 2])
    #expect(stepped)
    #expect(setup.first == before.first)
    #expect(setup.second != before.second)
    #expect(setup.embeddings[3..<6] == before.embeddings[3..<6])
    #expect(setup.embeddings[9..<12] == before.embeddings[9..<12])
    #expect(setup.embeddings[0..<3] != before.embeddings[0..<3])
  }

  @Test func noLabelsAtAllChangesNothing() {
    var setup = Setup()
    let before = setup
    let stepped = setup.step(labels: [-1, -1])
    #expect(stepped)
    #expect(setup.embeddings == before.embeddings)
    #expect(setup.first == before.first)
    #expect(setup.second == before.second)
  }

  /// The update must equal a naive computation of the weighted softmax cross-entropy step:
  /// heads move by rate × weight × (target − p) × hidden, and each used embedding row by the
  /// sum over tasks of rate × weight × (target − p) × old head row, over the feature count.
  @Test func matchesANaiveUpdateOfBothHeadsAndTheSharedRows() {
    var setup = Setup()
    let before = setup
    let stepped = setup.step(labels: [1, 0], rate: 0.25)
    #expect(stepped)
    let hidden = (0..<3).map { (before.embeddings[$0] + before.embeddings[6 + $0]) / 2 }
    var gradient: [Float] = [0, 0, 0]
    var expectedHeads = [before.first, before.second]
    for (task, (head, target, weight)) in [
      (before.first, 1, Float(1)), (before.second, 0, Float(2)),
    ].enumerated() {
      let labels = head.count / 3
      let scores = (0..<labels).map { label in
        (0..<3).reduce(Float(0)) { $0 + head[label * 3 + $1] * hidden[$1] }
      }
      let maximum = scores.max()!
      let exponentials = scores.map { exp($0 - maximum) }
      let total = exponentials.reduce(0, +)
      for label in 0..<labels {
        let coefficient =
          0.25 * weight * ((label == target ? 1 : 0) - exponentials[label] / total)
        for column in 0..<3 {
          gradient[column] += coefficient * head[label * 3 + column]
          expectedHeads[task][label * 3 + column] += coefficient * hidden[column]
        }
      }
    }
    for (actual, expected) in zip(setup.first + setup.second, expectedHeads[0] + expectedHeads[1]) {
      #expect(abs(actual - expected) < 1e-6)
    }
    for row in [0, 2] {
      for column in 0..<3 {
        let expected = before.embeddings[row * 3 + column] + gradient[column] / 2
        #expect(abs(setup.embeddings[row * 3 + column] - expected) < 1e-6)
      }
    }
  }

  @Test func reportsANonFiniteLoss() {
    var setup = Setup()
    setup.embeddings[0] = .infinity
    let stepped = setup.step(labels: [0, 0])
    #expect(!stepped)
  }
}

#if canImport(Glibc)
  import Glibc
#endif
