import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// The tree head's step against finite differences, and the tree and sampled heads trained
/// end to end: overfit, save, reload, answer the same.
@Suite struct HierarchicalSoftmaxTests {
  /// The step's input gradient is `−rate × ∂(−log p)/∂input`, and each path row moves by
  /// `−rate × ∂(−log p)/∂row`: both checked numerically on the exact path probability.
  @Test func stepFollowsTheGradientOfTheLogProbability() {
    let dimension = 4
    let counts = [9, 3, 3, 1, 1, 20]
    let tree = HuffmanTree(counts: counts)
    var generator = SplitMix64(seed: 11)
    let rows = (0..<(counts.count * dimension)).map { _ in generator.nextUnitFloat() - 0.5 }
    let input = (0..<dimension).map { _ in generator.nextUnitFloat() - 0.5 }
    func loss(_ rows: [Float], _ input: [Float], target: Int) -> Double {
      let probability = tree.probability(of: target) { node in
        (0..<dimension).reduce(Float(0)) { $0 + rows[node * dimension + $1] * input[$1] }
      }
      return -log(Double(probability))
    }
    let rate: Float = 0.01
    for target in counts.indices {
      var head = rows
      var gradient = [Float](repeating: 0, count: dimension)
      let stepLoss = head.withUnsafeMutableBufferPointer { head in
        input.withUnsafeBufferPointer { input in
          gradient.withUnsafeMutableBufferPointer { gradient in
            HierarchicalSoftmax.step(
              tree: tree, target: target,
              update: HeadUpdate(
                rows: head.baseAddress!, squares: nil, input: input.baseAddress!,
                inputGradient: gradient.baseAddress!, dimension: dimension, learningRate: rate,
                headRate: 1, weight: 1))
          }
        }
      }
      #expect(abs(Double(stepLoss) - loss(rows, input, target: target)) < 1e-4)
      let epsilon: Float = 1e-3
      for column in 0..<dimension {
        let numeric = centralDifference(of: input, along: \.[column], step: epsilon) {
          loss(rows, $0, target: target)
        }
        #expect(abs(Double(gradient[column]) + Double(rate) * numeric) < 2e-4)
      }
      for index in rows.indices {
        let numeric = centralDifference(of: rows, along: \.[index], step: epsilon) {
          loss($0, input, target: target)
        }
        #expect(abs(Double(head[index] - rows[index]) + Double(rate) * numeric) < 2e-4)
      }
    }
  }

  static let colours = ["red", "blue", "green", "black", "white", "pink", "grey", "gold"]
  static let fillers = ["the", "a", "car", "house", "on", "my", "old", "new"]

  /// Eight labels with Zipf-like counts, each given away by its colour word.
  static func corpus(seed: UInt64, scale: Int) -> [Example] {
    var generator = SplitMix64(seed: seed)
    var examples: [Example] = []
    for (rank, colour) in colours.enumerated() {
      for _ in 0..<max(2, scale / (rank + 1)) {
        var words = (0..<3).map { _ in fillers[Int(generator.next() % UInt64(fillers.count))] }
        words.insert(colour, at: Int(generator.next() % UInt64(words.count + 1)))
        examples.append(Example(text: words.joined(separator: " "), labels: ["colour": colour]))
      }
    }
    return examples
  }

  static func train(_ loss: HeadLoss, optimizer: Optimizer = .sgd) throws -> MultiTaskModel {
    var task = TaskSpecification(name: "colour")
    task.loss = loss
    var training = TrainingConfiguration(epochs: 40, learningRate: 0.5, optimizer: optimizer)
    training.seed = 7
    return try Trainer(
      tasks: [task], features: FeatureConfiguration(wordNgrams: 1, buckets: 1_000),
      model: ModelConfiguration(dimension: 12), training: training
    ).train(
      examples: corpus(seed: 1, scale: 24), development: corpus(seed: 2, scale: 8))
  }

  @Test(arguments: [
    (HeadLoss.hierarchical, Optimizer.sgd), (.hierarchical, .adagrad), (.sampled, .sgd),
    (.sampled, .adagrad),
  ])
  func overfitsSavesReloadsAndAnswersTheSame(loss: HeadLoss, optimizer: Optimizer) throws {
    let model = try Self.train(loss, optimizer: optimizer)
    #expect(model.manifest.tasks[0].loss == loss)
    #expect(model.manifest.tasks[0].labelCounts?.count == Self.colours.count)
    let predictor = try Predictor(model: model)
    for colour in Self.colours {
      let answer = try predictor.predict("my old \(colour) car")[0]
      #expect(answer.label == colour, "\(loss) \(optimizer): \(colour) gave \(answer.label)")
      let total = answer.distribution.reduce(Float(0)) { $0 + $1.probability }
      #expect(abs(total - 1) < 1e-4)
    }
    let directory = try TemporaryDirectory()
    let path = directory.url.appendingPathComponent("colour.mtl").path
    try ModelFile.write(model, to: path)
    let reloaded = try ModelFile.read(path: path)
    #expect(reloaded.manifest == model.manifest)
    let after = try Predictor(model: reloaded)
    for colour in Self.colours {
      #expect(try predictor.predict("a \(colour)") == after.predict("a \(colour)"))
    }
    #expect(try ModelFile.encode(Self.train(loss, optimizer: optimizer)) == ModelFile.encode(model))
  }

  /// Dev scoring searches the tree; its accuracy must be the full distribution's.
  @Test func treeDevScoringAgreesWithTheFullDistribution() throws {
    let model = try Self.train(.hierarchical)
    let tree = try #require(model.trees[0])
    let scratch = ForwardScratch(dimension: model.dimension, labels: Self.colours.count)
    var search = TreeSearch()
    let encoder = try DocumentEncoder(
      manifest: model.manifest, vocabularySize: model.vocabulary.count)
    for example in Self.corpus(seed: 3, scale: 8) {
      var text = example.text
      try text.withUTF8Bytes { (bytes) throws(TextError) in
        try encoder.encode(bytes, vocabulary: model.vocabulary)
      }
      let truth = model.manifest.tasks[0].labels.id(of: example.labels["colour"]!)!.rawValue
      try encoder.features.withUnsafeBufferPointer { features in
        let full = Array(
          ForwardPass.probabilities(features, task: 0, with: model, scratch: scratch))
        let (best, truthProbability) = search.best(
          features, tree: tree, task: 0, truth: Int(truth), parameters: model, scratch: scratch)
        #expect(best == full.indices.max { full[$0] < full[$1] })
        #expect(abs(truthProbability - full[Int(truth)]) < 1e-5)
      }
    }
    // A tree head is not temperature-scaled.
    #expect(model.manifest.tasks[0].temperature == nil)
  }

  /// The predictor's answer and top labels come from the tree search; they must be the full
  /// distribution's, and an explanation's contributions must add up to its margin, which is
  /// the path's log odds against the runner-up's, computed here from the node scores.
  @Test func predictorSearchAgreesWithTheFullDistributionAndExplanationsAddUp() throws {
    let model = try Self.train(.hierarchical)
    let tree = try #require(model.trees[0])
    let predictor = try Predictor(model: model)
    let explainer = try Explainer(model: model)
    for text in ["my old red car", "the pink", "gold grey", "car", "blue white house"] {
      var bytes = text
      try bytes.withUTF8Bytes { (bytes) throws(TextError) in try predictor.run(bytes) }
      let (best, probability) = predictor.best(ofTask: 0)
      let top = predictor.top(3, ofTask: 0)
      let full = predictor.withProbabilities(ofTask: 0) { Array($0) }
      let expected = full.indices.sorted { full[$0] != full[$1] ? full[$0] > full[$1] : $0 < $1 }
      #expect(top.map { Int($0.label.rawValue) } == Array(expected.prefix(3)), "\(text)")
      #expect(Int(best.rawValue) == expected[0])
      #expect(abs(probability - full[expected[0]]) < 1e-5)
      let explanation = try explainer.explain(text, task: "colour")
      #expect(explanation.label == model.manifest.tasks[0].labels.labels[expected[0]])
      let sum = explanation.contributions.reduce(0.0) { $0 + $1.value }
      #expect(abs(sum - explanation.margin) < 1e-4, "\(text)")
      let rival = try #require(
        explanation.referenceLabel.flatMap { model.manifest.tasks[0].labels.id(of: $0) })
      #expect(Int(rival.rawValue) == expected[1])
      let rows = tree.explainedRows(of: expected[0], against: expected[1])
      #expect(!rows.isEmpty && rows.allSatisfy { $0.weight != 0 })
    }
  }

  @Test func negativesAreDrawnBySquareRootCountAndNeverTheTarget() {
    let sampler = NegativeSampler(counts: [100, 25, 0, 1])
    var generator = SplitMix64(seed: 1, stream: .negatives)
    var drawn = [Int](repeating: 0, count: 4)
    for _ in 0..<20_000 { drawn[sampler.draw(excluding: 1, using: &generator)] += 1 }
    #expect(drawn[1] == 0)
    // Weights 10, (5 excluded), 1, 1 of 12.
    #expect(abs(Double(drawn[0]) / 20_000 - 10.0 / 12) < 0.02)
    #expect(abs(Double(drawn[2]) / 20_000 - 1.0 / 12) < 0.01)
    #expect(NegativeSampler(counts: [3]).draw(excluding: 0, using: &generator) == 0)
  }
}
