import Foundation
import Testing

@testable import MultiTaskText

/// The sparse linear path: its solver against a naive reference, its weighting, and a corpus
/// the embedding bag cannot learn where dev data chooses the path.
struct LinearPathTests {
  /// Four documents of two columns, labels 0 and 1, not separable through the origin.
  static func tinyRows() -> SparseRows {
    var rows = SparseRows()
    let documents: [([Int32], [Float], Int32)] = [
      ([0], [1], 1), ([0, 1], [0.6, 0.8], 1), ([1], [1], 0), ([0, 1], [0.8, 0.6], 0),
    ]
    for (columns, values, label) in documents {
      rows.append(TermBuffers(sorted: [], columns: columns, values: values), label: label)
    }
    return rows
  }

  /// The primal objective `½‖w‖² + C Σ max(0, 1 − y w·x)²` (bias as a column of 1),
  /// minimized by plain gradient descent: slow, obviously right.
  static func naivePrimal(_ rows: SparseRows, label: Int32, cost: Float) -> [Float] {
    var weights = [Float](repeating: 0, count: 3)
    for _ in 0..<200_000 {
      var gradient = weights
      for row in 0..<rows.count {
        let sign: Float = rows.labels[row] == label ? 1 : -1
        var dense: [Float] = [0, 0, 1]
        for entry in rows.range(of: row) { dense[Int(rows.columns[entry])] = rows.values[entry] }
        let margin = sign * zip(dense, weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard margin < 1 else { continue }
        for index in 0..<3 { gradient[index] -= 2 * cost * (1 - margin) * sign * dense[index] }
      }
      for index in 0..<3 { weights[index] -= 0.001 * gradient[index] }
    }
    return weights
  }

  @Test(arguments: [Float(0.1), 1, 10])
  func dualCoordinateDescentFindsThePrimalOptimum(cost: Float) {
    let rows = Self.tinyRows()
    var solver = DualCoordinateDescent(rows: rows)
    solver.tolerance = 1e-6
    solver.maximumPasses = 100_000
    var duals = [Float](repeating: 0, count: rows.count)
    var weights = [Float](repeating: 0, count: 3)
    var generator = SplitMix64(seed: 1, stream: .linearPath)
    solver.fit(label: 1, cost: cost, duals: &duals, weights: &weights, generator: &generator)
    let reference = Self.naivePrimal(rows, label: 1, cost: cost)
    for (found, expected) in zip(weights, reference) {
      #expect(abs(found - expected) < 1e-3, "weights \(weights), reference \(reference)")
    }
  }

  @Test func termWeightsAreSublinearTFIDFOfUnitLength() {
    let document: [Int32] = [7, 3, 7, 7, 9]
    var buffers = TermBuffers()
    let frequencies: [Float] = [2, 1, 3]
    document.withUnsafeBufferPointer { features in
      frequencies.withUnsafeBufferPointer { frequencies in
        TermWeighting.weigh(
          features, column: { [3: 0, 7: 1][$0] }, inverseFrequencies: frequencies,
          buffers: &buffers)
      }
    }
    // Feature 9 is unknown and dropped; 3 occurs once (idf 2), 7 three times (idf 1).
    let raw: [Float] = [2, 1 + logf(3)]
    let length = (raw[0] * raw[0] + raw[1] * raw[1]).squareRoot()
    #expect(buffers.columns == [0, 1])
    #expect(abs(buffers.values[0] - raw[0] / length) < 1e-6)
    #expect(abs(buffers.values[1] - raw[1] / length) < 1e-6)
  }

  /// Four topics, each told by one keyword among shared filler words; an embedding bag of
  /// dimension 1 trained for one epoch cannot tell four labels apart, a linear path can.
  static func keywordExamples() -> [Example] {
    let topics = ["alpha", "bravo", "charlie", "delta"]
    return (0..<40).map { index in
      let topic = topics[index % 4]
      return Example(
        text: "the \(topic) report \(index % 3 == 0 ? "today" : "now") said \(topic)",
        labels: ["topic": topic])
    }
  }

  static func trainer(linear: LinearPathMode) -> Trainer {
    var training = TrainingConfiguration()
    training.epochs = 1
    training.threads = 1
    var model = ModelConfiguration(dimension: 1)
    model.linear = linear
    return Trainer(
      tasks: [TaskSpecification(name: "topic")], features: FeatureConfiguration(buckets: 1_000),
      model: model, training: training)
  }

  @Test func devChoosesThePathWhereTheEmbeddingBagFails() throws {
    let examples = Self.keywordExamples()
    let model = try Self.trainer(linear: .auto).train(examples: examples, development: examples)
    let record = try #require(model.manifest.tasks[0].linear)
    #expect(record.used)
    #expect(record.alpha > 0)
    let with = try #require(record.developmentScore)
    let without = try #require(record.developmentScoreWithout)
    #expect(with > without)
    #expect(with == 1)
    // Prediction combines as selection did: every dev document is answered right.
    let predictor = try Predictor(model: model)
    for example in examples {
      #expect(try predictor.predict(example.text)[0].label == example.labels["topic"])
    }
  }

  @Test func offTrainsTheEmbeddingBagAloneByteForByte() throws {
    let examples = Self.keywordExamples()
    let off = try Self.trainer(linear: .off).train(examples: examples, development: examples)
    #expect(off.linearPaths.isEmpty)
    #expect(off.manifest.tasks[0].linear == nil)
    let on = try Self.trainer(linear: .on).train(examples: examples, development: examples)
    #expect(!on.linearPaths.isEmpty)
    // The path changes only its own section and the manifest's record of it: without them,
    // the model with the path is the embedding bag that `off` trains, byte for byte.
    var stripped = on
    stripped.linearPaths = []
    for task in stripped.manifest.tasks.indices { stripped.manifest.tasks[task].linear = nil }
    #expect(try ModelFile.encode(stripped) == ModelFile.encode(off))
  }

  @Test func theSameSeedGivesTheSamePath() throws {
    let examples = Self.keywordExamples()
    let first = try Self.trainer(linear: .on).train(examples: examples, development: examples)
    let second = try Self.trainer(linear: .on).train(examples: examples, development: examples)
    #expect(try ModelFile.encode(first) == ModelFile.encode(second))
  }
}
