import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// `HeadRetrainer`: only the heads move, toward the training labels, deterministically.
struct HeadRetrainerTests {
  static func examples() -> [Example] {
    TrainingFixture.topic.map { Example(text: $0.0, labels: ["topic": $0.1]) }
      + TrainingFixture.sentiment.map { Example(text: $0.0, labels: ["sentiment": $0.1]) }
  }

  /// The mean cross-entropy of each example's labelled task, the naive way.
  static func loss(_ model: MultiTaskModel) throws -> Double {
    let predictor = try Predictor(model: model)
    var total = 0.0
    for example in examples() {
      let predictions = try predictor.predict(example.text)
      for prediction in predictions {
        guard let label = example.labels[prediction.task] else { continue }
        let probability = try #require(prediction.distribution.first { $0.0 == label }?.1)
        total -= log(Double(probability))
      }
    }
    return total / Double(examples().count)
  }

  @Test func retrainingLowersTheLossOnItsDataAndMovesOnlyTheHeads() throws {
    let (_, model) = try QuantizerTests.floatModel()
    // Coarse codes, so there is something to win back.
    let settings = QuantizationSettings(method: .product(subvectorDimension: 8), cutoff: 30)
    let quantized = try Quantizer(settings: settings).quantize(model)
    let outcome = try HeadRetrainer(epochs: 20, learningRate: 0.5).retrain(
      quantized, on: Self.examples(), files: ["topic.jsonl"])
    #expect(try Self.loss(outcome.model) < Self.loss(quantized))
    #expect(outcome.model.embeddings == quantized.embeddings)
    #expect(outcome.model.quantizedEmbeddings == quantized.quantizedEmbeddings)
    #expect(outcome.model.heads != quantized.heads)
    #expect(outcome.documents == Self.examples().count)
    let record = try #require(outcome.model.manifest.quantization?.retraining)
    #expect(record.epochs == 20 && record.documents == 14 && record.files == ["topic.jsonl"])
    // The same seed, the same heads.
    let again = try HeadRetrainer(epochs: 20, learningRate: 0.5).retrain(
      quantized, on: Self.examples(), files: ["topic.jsonl"])
    #expect(again.model == outcome.model)
  }

  @Test func unknownLabelsAreCountedAndAFloatModelIsRefused() throws {
    let (_, model) = try QuantizerTests.floatModel()
    let quantized = try Quantizer().quantize(model)
    let examples = Self.examples() + [Example(text: "the match", labels: ["topic": "weather"])]
    let outcome = try HeadRetrainer().retrain(quantized, on: examples)
    #expect(outcome.unknownLabels == ["topic": 1])
    #expect(outcome.documents == Self.examples().count)
    #expect {
      try HeadRetrainer().retrain(model, on: Self.examples())
    } throws: { error in
      "\(error)".contains("needs a quantized model")
    }
    #expect {
      try HeadRetrainer().retrain(outcome.model, on: Self.examples())
    } throws: { error in
      "\(error)".contains("retrained already")
    }
    #expect {
      try HeadRetrainer().retrain(quantized, on: [Example(text: "x", labels: ["other": "y"])])
    } throws: { error in
      guard case .noRetrainingExamples = error as? QuantizationError else { return false }
      return true
    }
  }
}

/// A document the model cannot tokenize stops retraining with its file and line; the
/// retrainer used to drop it without a word (`catch { continue }`), and retrain on the rest.
struct HeadRetrainerUnreadableDocumentTests {
  /// The tokenizer refuses a document of 2³¹ − 1 bytes or more, so the test builds one
  /// (2 GiB, for a moment).
  @Test(
    .enabled(
      if: ProcessInfo.processInfo.physicalMemory >= 8 << 30,
      "needs 2 GiB of memory for a document too long to tokenize"))
  func aDocumentThatCannotBeTokenizedIsNamed() throws {
    let (_, model) = try QuantizerTests.floatModel()
    let quantized = try Quantizer().quantize(model)
    let length = Int(Int32.max)
    let tooLong = Example(
      text: String(unsafeUninitializedCapacity: length) { bytes in
        bytes.initialize(repeating: UInt8(ascii: "a"))
        return length
      },
      labels: ["topic": TrainingFixture.topic[0].1],
      location: CorpusLocation(path: "retrain.jsonl", line: 3))
    #expect(
      throws: QuantizationError.unreadableDocument(
        document: "retrain.jsonl:3", problem: .documentTooLong(bytes: length))
    ) {
      try HeadRetrainer().retrain(quantized, on: HeadRetrainerTests.examples() + [tooLong])
    }
  }
}

/// A tree head's rows are the tree's nodes, not labels: refitting them as softmax rows
/// would break the model, so retraining refuses, and quantizing alone keeps the tree.
struct HeadRetrainerTreeTests {
  @Test func aHierarchicalHeadIsQuantizedButNotRetrained() throws {
    var task = TaskSpecification(name: "topic")
    task.loss = .hierarchical
    var training = TrainingConfiguration(epochs: 20)
    training.seed = 3
    let trainer = Trainer(
      tasks: [task], features: FeatureConfiguration(buckets: 1_000),
      model: ModelConfiguration(dimension: 8), training: training)
    let examples = TrainingFixture.topic.map { Example(text: $0.0, labels: ["topic": $0.1]) }
    let model = try trainer.train(examples: examples)
    let quantized = try Quantizer().quantize(model)
    #expect(quantized.manifest.tasks[0].loss == .hierarchical)
    let before = try Predictor(model: model)
    let after = try Predictor(model: quantized)
    for (text, _) in TrainingFixture.topic {
      #expect(try after.predict(text)[0].label == before.predict(text)[0].label)
    }
    #expect {
      try HeadRetrainer().retrain(quantized, on: examples)
    } throws: { error in
      "\(error)".contains("hierarchical head") && "\(error)".contains("without --retrain")
    }
  }
}
