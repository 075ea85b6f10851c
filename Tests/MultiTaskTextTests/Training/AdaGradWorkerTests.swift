import Foundation
import Testing

@testable import MultiTaskText

/// The AdaGrad step against a naive computation of the same formulas: per label row and per
/// embedding row, the accumulator gains the gradient's mean square and the row moves by the
/// rate over its square root.
struct AdaGradWorkerTests {
  var embeddings: [Float] = [0.1, -0.2, 0.3, 0.0, 0.5, 0.1, -0.4, 0.2, 0.2, 0.3, 0.3, -0.1]
  var head: [Float] = [0.2, 0.1, -0.3, -0.1, 0.4, 0.2]
  var embeddingSquares: [Float] = [0.5, 0.25, 1, 2]
  var headSquares: [Float] = [0.3, 0.7]

  mutating func step(target: Int32, rate: Float) {
    let features: [Int32] = [0, 2]
    embeddings.withUnsafeMutableBufferPointer { embeddings in
      head.withUnsafeMutableBufferPointer { head in
        embeddingSquares.withUnsafeMutableBufferPointer { embeddingSquares in
          headSquares.withUnsafeMutableBufferPointer { headSquares in
            guard let rows = embeddings.baseAddress, let headRows = head.baseAddress,
              let squares = embeddingSquares.baseAddress, let labelSquares = headSquares.baseAddress
            else { return }
            var parameters = SharedParameters(
              embeddings: rows, heads: [headRows], labelCounts: [2], labelWeights: [[1, 1]],
              dimension: 3)
            parameters.adaptive = AdaptiveRatePointers(
              embeddings: squares, heads: [labelSquares], privateRows: [])
            var worker = SGDWorker<FixedWeighting>(parameters: parameters)
            _ = features.withUnsafeBufferPointer { features in
              [target].withUnsafeBufferPointer { labels in
                worker.step(features: features, labels: labels, learningRate: rate)
              }
            }
          }
        }
      }
    }
  }

  @Test func matchesANaiveAdaGradStep() {
    var setup = AdaGradWorkerTests()
    let before = setup
    setup.step(target: 1, rate: 0.1)
    let hidden = (0..<3).map { (before.embeddings[$0] + before.embeddings[6 + $0]) / 2 }
    let scores = (0..<2).map { label in
      (0..<3).reduce(Float(0)) { $0 + before.head[label * 3 + $1] * hidden[$1] }
    }
    let largest = scores.max() ?? 0
    let exponentials = scores.map { exp($0 - largest) }
    let probabilities = exponentials.map { $0 / exponentials.reduce(0, +) }
    let hiddenMeanSquare = hidden.map { $0 * $0 }.reduce(0, +) / 3
    var gradient: [Float] = [0, 0, 0]
    for label in 0..<2 {
      let coefficient = (label == 1 ? 1 : 0) - probabilities[label]
      let squares = before.headSquares[label] + coefficient * coefficient * hiddenMeanSquare
      #expect(abs(setup.headSquares[label] - squares) < 1e-6)
      for column in 0..<3 {
        gradient[column] += coefficient * before.head[label * 3 + column]
        let moved =
          before.head[label * 3 + column] + 0.1 * coefficient * hidden[column] / sqrt(squares)
        #expect(abs(setup.head[label * 3 + column] - moved) < 1e-6)
      }
    }
    let shared = gradient.map { $0 / 2 }
    let sharedMeanSquare = shared.map { $0 * $0 }.reduce(0, +) / 3
    for row in [0, 2] {
      let squares = before.embeddingSquares[row] + sharedMeanSquare
      #expect(abs(setup.embeddingSquares[row] - squares) < 1e-6)
      for column in 0..<3 {
        let moved = before.embeddings[row * 3 + column] + 0.1 * shared[column] / sqrt(squares)
        #expect(abs(setup.embeddings[row * 3 + column] - moved) < 1e-6)
      }
    }
    #expect(setup.embeddingSquares[1] == before.embeddingSquares[1])
    #expect(setup.embeddings[3..<6] == before.embeddings[3..<6])
  }

  /// The point of AdaGrad here: a row's step does not shrink with the document's length.
  @Test func aRowsFirstStepDoesNotDependOnTheFeatureCount() throws {
    func firstStep(features: Int) throws -> Float {
      var examples: [Example] = []
      for index in 0..<8 {
        let filler = (0..<features).map { "w\($0)" }.joined(separator: " ")
        let label = index.isMultiple(of: 2) ? "a" : "b"
        examples.append(Example(text: "\(label)word \(filler)", labels: ["t": label]))
      }
      var training = TrainingConfiguration(epochs: 1, learningRate: 0.1)
      training.sampling = .proportional
      let trainer = Trainer(
        tasks: [TaskSpecification(name: "t")],
        features: FeatureConfiguration(wordNgrams: 1, buckets: 1),
        model: ModelConfiguration(dimension: 4), training: training)
      let model = try trainer.train(examples: examples)
      return model.heads[0].storage.map(abs).max() ?? 0
    }
    let short = try firstStep(features: 2)
    let long = try firstStep(features: 200)
    #expect(long > short / 4, "head moved \(long) on long documents, \(short) on short ones")
  }
}
