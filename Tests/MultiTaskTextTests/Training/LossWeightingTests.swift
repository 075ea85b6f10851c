import Testing

@testable import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// Each loss weighting strategy's update on a two-task example, against a step computed here
/// by hand from the formulas: one document with features 0 and 2, labelled for both tasks.
struct LossWeightingTests {
  struct Example {
    var embeddings: [Float] = [0.1, -0.2, 0.3, 0.0, 0.5, 0.1, -0.4, 0.2, 0.2, 0.3, 0.3, -0.1]
    var heads: [[Float]] = [
      [0.9, -0.4, 0.2, -0.7, 0.5, -0.1],
      [0.6, -0.8, 0.3, 0.4, -0.2, 0.6, 0.1, -0.5, 0.3],
    ]
    var privateTables: [[Float]] = [
      [0.05, -0.1, 0.2, 0.1, 0.0, -0.3], [-0.2, 0.1, 0.05, 0.3, -0.1, 0.0],
    ]
    var logVariances: [Float] = [0.3, -0.2]
    let labels: [Int32] = [1, 0]
    let features: [Int32] = [0, 2]
    let labelWeights: [[Float]] = [[1, 1], [2, 2, 2]]
    let rate: Float = 0.25
  }

  struct Options {
    var weighting = LossWeighting.fixed
    var headScales: [Float] = [1, 1]
    var epochMultipliers: [Float] = [1, 1]
    var privateBuckets = 0
  }

  /// One step of the worker specialized for `strategy`, the type a configuration's
  /// weighting names.
  static func step<Strategy: LossWeightingStrategy>(
    _ strategy: Strategy, parameters: SharedParameters, features: [Int32], labels: [Int32],
    rate: Float
  ) -> Bool {
    var worker = SGDWorker<Strategy>(parameters: parameters)
    return features.withUnsafeBufferPointer { features in
      labels.withUnsafeBufferPointer { labels in
        worker.step(features: features, labels: labels, learningRate: rate)
      }
    }
  }

  /// Runs the real worker for one step.
  static func worker(_ example: Example, _ options: Options) -> Example {
    var example = example
    let (features, labels, rate) = (example.features, example.labels, example.rate)
    let privateBuckets = options.privateBuckets
    var (headFirst, headSecond) = (example.heads[0], example.heads[1])
    var (tableFirst, tableSecond) = (example.privateTables[0], example.privateTables[1])
    defer {
      example.heads = [headFirst, headSecond]
      example.privateTables = [tableFirst, tableSecond]
    }
    example.embeddings.withUnsafeMutableBufferPointer { embeddings in
      headFirst.withUnsafeMutableBufferPointer { first in
        headSecond.withUnsafeMutableBufferPointer { second in
          tableFirst.withUnsafeMutableBufferPointer { privateFirst in
            tableSecond.withUnsafeMutableBufferPointer { privateSecond in
              example.logVariances.withUnsafeMutableBufferPointer { variances in
                var parameters = SharedParameters(
                  embeddings: embeddings.baseAddress!,
                  heads: [first.baseAddress!, second.baseAddress!], labelCounts: [2, 3],
                  labelWeights: example.labelWeights, dimension: 3)
                parameters.headScales = options.headScales
                parameters.epochMultipliers = options.epochMultipliers
                parameters.logVariances = variances.baseAddress!
                if privateBuckets > 0 {
                  parameters.privateBuckets = privateBuckets
                  parameters.privateTables = [
                    privateFirst.baseAddress!, privateSecond.baseAddress!,
                  ]
                }
                _ = Self.step(
                  options.weighting.strategy.init(taskCount: 2), parameters: parameters,
                  features: features, labels: labels, rate: rate)
              }
            }
          }
        }
      }
    }
    example.heads = [headFirst, headSecond]
    example.privateTables = [tableFirst, tableSecond]
    return example
  }

  /// The same step, written out from the formulas with plain loops.
  static func byHand(_ example: Example, _ options: Options) -> (Example, conflicted: Bool) {
    var result = example
    let dimension = 3
    let count = Float(example.features.count)
    var shared = [Float](repeating: 0, count: dimension)
    for id in example.features {
      for column in 0..<dimension {
        shared[column] += example.embeddings[Int(id) * 3 + column] / count
      }
    }
    var gradients: [[Float]] = []
    for task in 0..<2 {
      var input = shared
      if options.privateBuckets > 0 {
        for id in example.features {
          let row = PrivateRows.row(of: id, buckets: options.privateBuckets)
          for column in 0..<dimension {
            input[column] += example.privateTables[task][row * 3 + column] / count
          }
        }
      }
      let head = example.heads[task]
      let labels = head.count / 3
      let target = Int(example.labels[task])
      let scores = (0..<labels).map { label in
        (0..<3).reduce(Float(0)) { $0 + head[label * 3 + $1] * input[$1] }
      }
      let maximum = scores.max()!
      let exponentials = scores.map { exp($0 - maximum) }
      let probabilities = exponentials.map { $0 / exponentials.reduce(0, +) }
      var multiplier = example.labelWeights[task][target] * options.epochMultipliers[task]
      if options.weighting == .uncertainty { multiplier *= exp(-example.logVariances[task]) }
      var gradient = [Float](repeating: 0, count: dimension)
      for label in 0..<labels {
        let coefficient =
          example.rate * multiplier * ((label == target ? 1 : 0) - probabilities[label])
        for column in 0..<dimension {
          gradient[column] += coefficient * head[label * 3 + column]
          result.heads[task][label * 3 + column] +=
            coefficient * options.headScales[task] * input[column]
        }
      }
      if options.privateBuckets > 0 {
        for id in example.features {
          let row = PrivateRows.row(of: id, buckets: options.privateBuckets)
          for column in 0..<dimension {
            result.privateTables[task][row * 3 + column] += gradient[column] / count
          }
        }
      }
      if options.weighting == .uncertainty {
        let loss = -log(probabilities[target])
        let factor = exp(-example.logVariances[task])
        result.logVariances[task] -= example.rate * 0.01 * (0.5 - factor * loss)
      }
      gradients.append(gradient)
    }
    var total = [Float](repeating: 0, count: dimension)
    var conflicted = false
    for task in 0..<2 {
      var own = gradients[task]
      let other = gradients[1 - task]
      let overlap = zip(own, other).reduce(Float(0)) { $0 + $1.0 * $1.1 }
      let norm = other.reduce(Float(0)) { $0 + $1 * $1 }
      if options.weighting == .pcgrad && overlap < 0 && norm > 0 {
        conflicted = true
        own = zip(own, other).map { $0 - overlap / norm * $1 }
      }
      for column in 0..<dimension { total[column] += own[column] }
    }
    for id in example.features {
      for column in 0..<dimension {
        result.embeddings[Int(id) * 3 + column] += total[column] / count
      }
    }
    return (result, conflicted)
  }

  static func expectClose(_ actual: [Float], _ expected: [Float], _ what: String) {
    #expect(actual.count == expected.count)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
      #expect(abs(a - e) < 1e-6, "\(what)[\(index)]: \(a) vs \(e)")
    }
  }

  static func options(_ name: String) -> Options {
    switch name {
    case "fixed with a head learning-rate scale": return Options(headScales: [2, 0.5])
    case "uncertainty": return Options(weighting: .uncertainty)
    case "dynamic weight average multipliers":
      return Options(weighting: .dynamic, epochMultipliers: [0.8, 1.2])
    case "pcgrad": return Options(weighting: .pcgrad)
    case "shared-private encoder": return Options(privateBuckets: 2)
    default: return Options()
    }
  }

  @Test(arguments: [
    "fixed", "fixed with a head learning-rate scale", "uncertainty",
    "dynamic weight average multipliers", "pcgrad", "shared-private encoder",
  ])
  func matchesTheHandComputedStep(_ name: String) {
    let options = Self.options(name)
    let example = Example()
    let actual = Self.worker(example, options)
    let (expected, conflicted) = Self.byHand(example, options)
    Self.expectClose(actual.embeddings, expected.embeddings, "\(name) embeddings")
    Self.expectClose(actual.heads[0] + actual.heads[1], expected.heads[0] + expected.heads[1], name)
    Self.expectClose(actual.logVariances, expected.logVariances, "\(name) log variances")
    if options.privateBuckets > 0 {
      Self.expectClose(
        actual.privateTables[0] + actual.privateTables[1],
        expected.privateTables[0] + expected.privateTables[1], "\(name) private rows")
    }
    if options.weighting == .pcgrad {
      // The example is built so that the two tasks' gradients conflict.
      #expect(conflicted)
      let fixed = Self.worker(example, Options())
      #expect(fixed.embeddings != actual.embeddings)
    }
    if options.weighting == .uncertainty {
      #expect(actual.logVariances != example.logVariances)
    }
  }

  /// DWA: λ_k = K · exp(r_k / 2) / Σ exp(r_i / 2), r_k = L_k(e−1) / L_k(e−2); 1 before that.
  @Test func dynamicWeightAverageFollowsItsFormula() {
    var average = DynamicWeightAverage()
    #expect(average.weights(taskCount: 2) == [1, 1])
    average.record([1.0, 2.0])
    #expect(average.weights(taskCount: 2) == [1, 1])
    average.record([0.5, 1.8])
    let first = exp(0.5 / 2.0)
    let second = exp(0.9 / 2.0)
    let weights = average.weights(taskCount: 2)
    #expect(abs(Double(weights[0]) - 2 * first / (first + second)) < 1e-6)
    #expect(abs(Double(weights[1]) - 2 * second / (first + second)) < 1e-6)
    #expect(abs(Double(weights[0] + weights[1]) - 2) < 1e-6)
    average.record([0.4, nil])
    #expect(average.weights(taskCount: 2)[1] > 0)
  }
}
