import Foundation

/// Retrains a quantized model's heads on its quantized rows, which stay fixed.
///
/// Quantization moves every document vector a little; heads fitted to the float vectors
/// then misplace some boundaries. Refitting the heads to the vectors the model will really
/// compute wins most of that back (FastText.zip's `-retrain`). Only the heads move, so the
/// problem is a convex softmax (or one-vs-all sigmoid) regression on fixed inputs: each
/// document's vector is computed once, and each epoch costs a few multiply-adds per label.
///
/// Training is plain SGD from the current heads with a learning rate decayed linearly to
/// zero, documents in a seeded random order, a task's loss scaled by its weight, and
/// unlabelled tasks masked out, as in training; each step is the task's own `Head`'s
/// forward pass and gradient step (`RetrainingParameters`), the code training runs. A
/// document the model cannot tokenize is an error naming it, never skipped. The calibrated temperature and multi-label
/// thresholds are kept: the heads start from their trained values and move little.
public struct HeadRetrainer: Sendable {
  /// Passes over the documents.
  public var epochs: Int
  /// The initial learning rate.
  public var learningRate: Double
  /// Seeds the order of documents.
  public var seed: UInt64

  /// What retraining did besides the model.
  public struct Outcome: Sendable {
    /// The model with its new heads, its manifest recording the retraining.
    public var model: MultiTaskModel
    /// Documents that labelled at least one task with a label the model knows.
    public var documents: Int
    /// Labels the model does not know, which were skipped: task name to count.
    public var unknownLabels: [String: Int]
  }

  /// The most epochs a retraining may ask for, as for training: no step count derived from
  /// it can overflow.
  public static let largestEpochCount = 100_000

  /// Creates a retrainer; the defaults are 5 epochs at learning rate 0.1, seed 1.
  public init(epochs: Int = 5, learningRate: Double = 0.1, seed: UInt64 = 1) {
    self.epochs = epochs
    self.learningRate = learningRate
    self.seed = seed
  }

  /// One document ready for the heads: its features and, per task, the labels it has.
  private struct Document {
    var features: [Int32]
    /// Per task: nil when unlabelled, else the label ids, sorted and distinct (one for a
    /// single-label task), as a head's step takes them.
    var labels: [[Int32]?]
  }

  /// Retrains the heads of quantized `model` on `examples`.
  ///
  /// - Parameters:
  ///   - model: A quantized model.
  ///   - examples: Labelled documents; labels are read per task name.
  ///   - files: Where the examples came from, for the manifest's record.
  /// - Throws: ``QuantizationError/badSetting(_:)`` for epochs or a learning rate out of
  ///   range or a float model, ``QuantizationError/noRetrainingExamples(problem:)`` when no
  ///   example labels a task of the model, ``QuantizationError/model(_:)`` when the text
  ///   pipeline cannot be opened, ``QuantizationError/unreadableDocument(document:problem:)``
  ///   when a labelled document cannot be tokenized.
  public func retrain(
    _ model: MultiTaskModel, on examples: [Example], files: [String] = []
  ) throws(QuantizationError) -> Outcome {
    guard model.quantizedEmbeddings != nil, model.manifest.quantization != nil else {
      throw .badSetting("retraining the heads needs a quantized model")
    }
    guard model.manifest.quantization?.retraining == nil else {
      throw .badSetting(
        "the model's heads were retrained already; retrain from the float model instead")
    }
    // The refit is a softmax (or sigmoid) regression; a tree head's rows mean
    // something else, and refitting them as softmax rows would break the model.
    if let task = model.manifest.tasks.first(where: { $0.loss == .hierarchical }) {
      throw .badSetting(
        "task \"\(task.name)\" has a hierarchical head, whose tree cannot"
          + " be retrained yet; quantize without --retrain")
    }
    guard (1...Self.largestEpochCount).contains(epochs) else {
      throw .badSetting(
        "--epochs must be between 1 and \(Self.largestEpochCount), found \(epochs)")
    }
    guard learningRate > 0, learningRate.isFinite else {
      throw .badSetting("--learning-rate must be above 0, found \(learningRate)")
    }
    let encoder: DocumentEncoder
    do {
      encoder = try DocumentEncoder(
        manifest: model.manifest, vocabularySize: model.vocabulary.count)
    } catch { throw .model(error) }
    let tasks = model.manifest.tasks
    var unknownLabels: [String: Int] = [:]
    var documents: [Document] = []
    documents.reserveCapacity(examples.count)
    for (position, example) in examples.enumerated() {
      var labels = [[Int32]?](repeating: nil, count: tasks.count)
      var labelled = false
      for (index, task) in tasks.enumerated() {
        guard let names = example.labelList(ofTask: task.name) else { continue }
        let ids = names.compactMap { task.labels.id(of: $0).map { Int32($0.rawValue) } }
        if ids.count < names.count {
          unknownLabels[task.name, default: 0] += names.count - ids.count
        }
        if task.isMultiLabel ? ids.count == names.count : ids.count == 1 {
          labels[index] = Array(Set(ids)).sorted()
          labelled = true
        }
      }
      guard labelled else { continue }
      var text = example.text
      do {
        try text.withUTF8Bytes { (bytes) throws(TextError) in
          try encoder.encode(bytes, vocabulary: model.vocabulary)
        }
      } catch {
        // A document the model cannot tokenize is named, never dropped: it would shrink the
        // retraining set without a word.
        throw .unreadableDocument(
          document: example.location?.description ?? "example \(position + 1)", problem: error)
      }
      documents.append(Document(features: encoder.features, labels: labels))
    }
    guard !documents.isEmpty else {
      throw .noRetrainingExamples(
        problem: "no document labels a task of the model ("
          + tasks.map { "\"\($0.name)\"" }.joined(separator: ", ")
          + ") with a label it knows")
    }
    var heads = model.heads.map(\.storage)
    train(&heads, model: model, documents: documents)
    var retrained = model
    retrained.heads = zip(heads, model.heads).map { values, head in
      Matrix(rows: head.rows, columns: head.columns, storage: values)
    }
    retrained.manifest.quantization?.retraining = ModelManifest.Quantization.Retraining(
      epochs: epochs, learningRate: learningRate, documents: documents.count, files: files)
    return Outcome(model: retrained, documents: documents.count, unknownLabels: unknownLabels)
  }

  /// The SGD epochs over `documents`, updating `heads` (one row-major matrix per task) with
  /// each task's own `Head`: its forward pass and its gradient step, as in training.
  private func train(_ heads: inout [[Float]], model: MultiTaskModel, documents: [Document]) {
    let dimension = model.manifest.dimension
    let scratch = ForwardScratch(
      dimension: dimension, labels: model.heads.map(\.rows).max() ?? 1)
    // The shared vectors never change: compute them once.
    var shared = [Float](repeating: 0, count: documents.count * dimension)
    shared.withUnsafeMutableBufferPointer { shared in
      guard let vectors = shared.baseAddress else { return }
      for (index, document) in documents.enumerated() {
        document.features.withUnsafeBufferPointer { features in
          ForwardPass.encode(features, with: model, into: vectors + index * dimension)
        }
      }
    }
    let rows = heads.map { values in
      let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(1, values.count))
      buffer.initialize(from: values, count: values.count)
      return buffer
    }
    let inputGradient = UnsafeMutablePointer<Float>.allocate(capacity: max(1, dimension))
    defer {
      rows.forEach { $0.deallocate() }
      inputGradient.deallocate()
    }
    let parameters = RetrainingParameters(model: model, heads: rows)
    let taskHeads = model.heads.indices.map { parameters.head(ofTask: $0) }
    // No refitted head samples; the stream is there for the step's signature.
    var negatives = SplitMix64(seed: seed, stream: .negatives)
    var generator = SplitMix64(seed: seed, stream: .retraining)
    var order = Array(documents.indices)
    let total = Double(epochs) * Double(documents.count)
    var step = 0
    for _ in 0..<epochs {
      generator.shuffle(&order)
      for documentIndex in order {
        let rate = Float(learningRate * (1 - Double(step) / total))
        step += 1
        let document = documents[documentIndex]
        shared.withUnsafeMutableBufferPointer { shared in
          guard let vectors = shared.baseAddress else { return }
          let vector = vectors + documentIndex * dimension
          for (task, labels) in document.labels.enumerated() {
            guard let labels else { continue }
            let input = document.features.withUnsafeBufferPointer { features in
              ForwardPass.input(
                ofTask: task, features: features, shared: vector, with: model,
                scratch: scratch.taskInput)
            }
            inputGradient.update(repeating: 0, count: dimension)
            let update = HeadUpdate(
              rows: rows[task], squares: nil, input: input, inputGradient: inputGradient,
              dimension: dimension, learningRate: rate, headRate: 1,
              weight: Float(model.manifest.tasks[task].weight))
            _ = labels.withUnsafeBufferPointer { targets in
              taskHeads[task].train(
                ofTask: task, targets: targets, update: update, with: parameters,
                scratch: scratch, generator: &negatives)
            }
          }
        }
      }
    }
    heads = zip(rows, heads).map { buffer, values in
      Array(UnsafeBufferPointer(start: buffer, count: values.count))
    }
  }
}
