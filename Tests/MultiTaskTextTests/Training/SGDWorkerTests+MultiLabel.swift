import Foundation
import Testing

@testable import MultiTaskText

extension SGDWorkerTests {
  /// The worker's step with a multi-label head beside a softmax one, against a naive update.
  @Suite struct MultiLabelSteps {
    /// A softmax task of 2 labels and a multi-label task of 3 over a 4-row embedding of width
    /// 3; the document uses rows 0 and 2.
    struct Setup {
      var embeddings: [Float] = [0.1, -0.2, 0.3, 0.0, 0.5, 0.1, -0.4, 0.2, 0.2, 0.3, 0.3, -0.1]
      var first: [Float] = [0.2, 0.1, -0.3, -0.1, 0.4, 0.2]
      var second: [Float] = [0.3, -0.2, 0.1, 0.0, 0.1, 0.5, -0.3, 0.2, 0.2]
      /// The multi-label task's weight; its class weights (5) must not be used.
      let weight: Float = 2

      /// Steps with the softmax task's label `single` and the multi-label task's list
      /// `list` (nil: unlabelled).
      mutating func step(single: Int32, list: [Int32]?, rate: Float) -> Bool {
        let features: [Int32] = [0, 2]
        let values = list ?? []
        let offsets = [0, values.count]
        let weight = weight
        return embeddings.withUnsafeMutableBufferPointer { embeddings in
          first.withUnsafeMutableBufferPointer { first in
            second.withUnsafeMutableBufferPointer { second in
              var parameters = SharedParameters(
                embeddings: embeddings.baseAddress!,
                heads: [first.baseAddress!, second.baseAddress!], labelCounts: [2, 3],
                labelWeights: [[1, 1], [5, 5, 5]], dimension: 3)
              parameters.taskHeads = [.softmax(SoftmaxHead()), .oneVersusAll(OneVersusAllHead())]
              parameters.taskWeights = [1, weight]
              var worker = SGDWorker<FixedWeighting>(parameters: parameters)
              let labels: [Int32] = [single, list == nil ? -1 : 0]
              return features.withUnsafeBufferPointer { features in
                labels.withUnsafeBufferPointer { labels in
                  values.withUnsafeBufferPointer { values in
                    offsets.withUnsafeBufferPointer { offsets in
                      worker.step(
                        features: features, labels: labels, learningRate: rate,
                        lists: LabelListView(values: values, offsets: offsets))
                    }
                  }
                }
              }
            }
          }
        }
      }
    }

    @Test(arguments: [[0, 2], [], [1]] as [[Int32]])
    func matchesANaiveUpdateOfBothHeadsAndTheSharedRows(list: [Int32]) {
      var setup = Setup()
      let before = setup
      let stepped = setup.step(single: 1, list: list, rate: 0.25)
      #expect(stepped)
      let hidden = (0..<3).map { (before.embeddings[$0] + before.embeddings[6 + $0]) / 2 }
      func scores(_ head: [Float]) -> [Float] {
        (0..<(head.count / 3)).map { label in
          (0..<3).reduce(Float(0)) { $0 + head[label * 3 + $1] * hidden[$1] }
        }
      }
      var gradient: [Float] = [0, 0, 0]
      var first = before.first
      let softmaxScores = scores(before.first)
      let total = softmaxScores.map { exp($0 - softmaxScores.max()!) }.reduce(0, +)
      for label in 0..<2 {
        let probability = exp(softmaxScores[label] - softmaxScores.max()!) / total
        let coefficient = 0.25 * ((label == 1 ? 1 : 0) - probability)
        for column in 0..<3 {
          gradient[column] += coefficient * before.first[label * 3 + column]
          first[label * 3 + column] += coefficient * hidden[column]
        }
      }
      var second = before.second
      for (label, score) in scores(before.second).enumerated() {
        let target: Float = list.contains(Int32(label)) ? 1 : 0
        let coefficient = 0.25 * setup.weight * (target - 1 / (1 + exp(-score)))
        for column in 0..<3 {
          gradient[column] += coefficient * before.second[label * 3 + column]
          second[label * 3 + column] += coefficient * hidden[column]
        }
      }
      for (actual, expected) in zip(setup.first + setup.second, first + second) {
        #expect(abs(actual - expected) < 1e-6)
      }
      for row in [0, 2] {
        for column in 0..<3 {
          let expected = before.embeddings[row * 3 + column] + gradient[column] / 2
          #expect(abs(setup.embeddings[row * 3 + column] - expected) < 1e-6)
        }
      }
      #expect(setup.embeddings[3..<6] == before.embeddings[3..<6])
    }

    @Test func anUnlabelledMultiLabelTaskLeavesItsHeadUntouched() {
      var setup = Setup()
      let before = setup
      let stepped = setup.step(single: 0, list: nil, rate: 0.5)
      #expect(stepped)
      #expect(setup.second == before.second)
      #expect(setup.first != before.first)
    }
  }
}
