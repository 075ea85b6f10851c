/// One thread's share of stochastic gradient descent over shared parameters.
///
/// The step is fastText's supervised update, generalized to several heads: average the
/// document's embedding rows into a hidden vector; for each task the document is labelled for,
/// score every label, take the softmax, and move each label row by
/// `rate × weight × (target − probability) × hidden` while accumulating the same coefficients
/// times the old rows into one gradient for the hidden vector; finally add that gradient,
/// divided by the feature count, to every embedding row the document used. Tasks without a
/// label are skipped, so they neither pull the shared rows nor touch their head.
///
/// The worker owns its scratch buffers and allocates nothing per step. Several workers may
/// update the same parameters at once (Hogwild); with one worker, results are reproducible.
struct SGDWorker {
  let parameters: SharedParameters
  private var hidden: [Float]
  private var gradient: [Float]
  private var scores: [[Float]]
  /// Weighted loss and example count per task since the last reset.
  private(set) var lossSums: [Double]
  private(set) var lossCounts: [Int]

  init(parameters: SharedParameters) {
    self.parameters = parameters
    hidden = Array(repeating: 0, count: parameters.dimension)
    gradient = Array(repeating: 0, count: parameters.dimension)
    scores = parameters.labelCounts.map { Array(repeating: 0, count: $0) }
    lossSums = Array(repeating: 0, count: parameters.labelCounts.count)
    lossCounts = Array(repeating: 0, count: parameters.labelCounts.count)
  }

  mutating func resetLosses() {
    for task in lossSums.indices {
      lossSums[task] = 0
      lossCounts[task] = 0
    }
  }

  /// Trains on one document. Returns false when the loss stopped being finite.
  mutating func step(
    features: UnsafeBufferPointer<Int32>, labels: UnsafeBufferPointer<Int32>, learningRate: Float
  ) -> Bool {
    guard !features.isEmpty else { return true }
    let dimension = parameters.dimension
    let embeddings = parameters.embeddings
    var finite = true
    hidden.withUnsafeMutableBufferPointer { hiddenBuffer in
      gradient.withUnsafeMutableBufferPointer { gradientBuffer in
        let hidden = hiddenBuffer.baseAddress!
        let gradient = gradientBuffer.baseAddress!
        hidden.update(repeating: 0, count: dimension)
        for id in features {
          Matrix.add(embeddings + Int(id) * dimension, scale: 1, to: hidden, count: dimension)
        }
        Matrix.scale(hidden, by: 1 / Float(features.count), count: dimension)
        gradient.update(repeating: 0, count: dimension)

        for task in 0..<labels.count {
          let target = Int(labels[task])
          guard target >= 0 else { continue }
          let head = parameters.heads[task]
          let weight = parameters.labelWeights[task][target]
          let loss = scores[task].withUnsafeMutableBufferPointer { scoreBuffer -> Float in
            let scores = scoreBuffer.baseAddress!
            let labelCount = scoreBuffer.count
            for label in 0..<labelCount {
              scores[label] = Matrix.dot(head + label * dimension, hidden, count: dimension)
            }
            SoftmaxCrossEntropy.softmax(&scoreBuffer)
            let loss = -log(max(scores[target], Float.leastNormalMagnitude))
            for label in 0..<labelCount {
              let coefficient =
                learningRate * weight * ((label == target ? 1 : 0) - scores[label])
              let row = head + label * dimension
              Matrix.add(row, scale: coefficient, to: gradient, count: dimension)
              Matrix.add(hidden, scale: coefficient, to: row, count: dimension)
            }
            return loss * weight
          }
          if !loss.isFinite { finite = false }
          lossSums[task] += Double(loss)
          lossCounts[task] += 1
        }
        Matrix.scale(gradient, by: 1 / Float(features.count), count: dimension)
        for id in features {
          Matrix.add(gradient, scale: 1, to: embeddings + Int(id) * dimension, count: dimension)
        }
        if !gradient[0].isFinite || !hidden[0].isFinite { finite = false }
      }
    }
    return finite
  }
}

/// Raw views of the parameters that every worker updates in place.
///
/// `@unchecked Sendable` because Hogwild shares them between threads on purpose: concurrent
/// updates to the same row may lose one another's contribution, which sparse SGD tolerates.
/// The matrices they point into outlive every worker.
struct SharedParameters: @unchecked Sendable {
  let embeddings: UnsafeMutablePointer<Float>
  let heads: [UnsafeMutablePointer<Float>]
  let labelCounts: [Int]
  /// Per task, per label: the task weight times the label's class weight.
  let labelWeights: [[Float]]
  let dimension: Int
}

#if canImport(Glibc)
  import Glibc
#endif
