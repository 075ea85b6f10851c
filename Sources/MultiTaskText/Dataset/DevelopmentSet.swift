/// Every task's dev documents, featurized with the final vocabulary, so accuracy can be
/// measured after each epoch without touching text again.
///
/// Built with a ``DevelopmentSetBuilder`` from any examples. A document labelled for several
/// tasks counts once for each.
public struct DevelopmentSet: Sendable {
  /// Feature ids of all documents, laid end to end.
  var features: [Int32] = []
  /// Document `i`'s features are `features[offsets[i]..<offsets[i + 1]]`.
  var offsets: [Int] = [0]
  /// Each document's task.
  var tasks: [Int32] = []
  /// Each document's label id, or -1 for a label the model never saw (always wrong).
  var labels: [Int32] = []
  /// The number of tasks of the model.
  let taskCount: Int
  /// Which tasks are multi-label; their entries in `labels` index the lists below.
  var multiLabel: [Bool]
  /// Multi-label entries' true label ids, sorted within each list, one list after another.
  var listValues: [Int32] = []
  /// Where each list starts in `listValues`, with a final end offset.
  var listOffsets: [Int] = [0]
  /// Per list: how many of its labels the training data lacks (always missed).
  var listUnseen: [Int] = []

  init(taskCount: Int, multiLabel: [Bool]? = nil) {
    self.taskCount = taskCount
    self.multiLabel = multiLabel ?? Array(repeating: false, count: taskCount)
  }

  /// Appends a multi-label entry's list and returns its index.
  mutating func appendList(_ labels: some Sequence<Int32>, unseen: Int) -> Int32 {
    listValues.append(contentsOf: labels)
    listOffsets.append(listValues.count)
    listUnseen.append(unseen)
    return Int32(listOffsets.count - 2)
  }

  /// The true labels of list `list`.
  func list(_ list: Int32) -> [Int32] {
    Array(listValues[listOffsets[Int(list)]..<listOffsets[Int(list) + 1]])
  }

  /// The number of documents.
  public var documentCount: Int { tasks.count }

  /// Whether no task has a dev document.
  public var isEmpty: Bool { tasks.isEmpty }
}

/// Featurizes dev examples with a training set's vocabulary and label sets.
///
/// Separate from ``DevelopmentSet`` because it owns a text pipeline, which is per thread and
/// not `Sendable`; the finished set is a plain value.
public struct DevelopmentSetBuilder {
  private let encoder: DocumentEncoder
  private let vocabulary: Vocabulary
  private let taskNames: [String]
  private let labelSets: [LabelSet]
  private var set: DevelopmentSet

  /// Prepares a builder for a model whose text and features follow `manifest`.
  ///
  /// - Parameters:
  ///   - manifest: The recipe and the tasks with their labels.
  ///   - vocabulary: The training vocabulary.
  /// - Throws: ``TrainingError/model(_:)`` when the text pipeline cannot be opened.
  public init(manifest: ModelManifest, vocabulary: Vocabulary) throws(TrainingError) {
    do {
      encoder = try DocumentEncoder(manifest: manifest, vocabularySize: vocabulary.count)
    } catch { throw .model(error) }
    self.vocabulary = vocabulary
    taskNames = manifest.tasks.map(\.name)
    labelSets = manifest.tasks.map(\.labels)
    set = DevelopmentSet(
      taskCount: manifest.tasks.count, multiLabel: manifest.tasks.map(\.isMultiLabel))
  }

  /// Prepares a builder of dev documents encoded like `data`, before a model exists.
  ///
  /// - Parameters:
  ///   - data: The training data, whose vocabulary, label sets and features apply.
  ///   - text: The text settings it was read with.
  ///   - taskNames: The task names, in model order.
  ///   - multiLabel: Which tasks are multi-label.
  /// - Throws: ``TrainingError/model(_:)`` when the text pipeline cannot be opened.
  init(
    encodingLike data: TrainingData, text: TextConfiguration, taskNames: [String],
    multiLabel: [Bool]
  ) throws(TrainingError) {
    do {
      encoder = try DocumentEncoder(
        text: text, features: data.features, vocabularySize: data.vocabulary.count)
    } catch { throw .model(error) }
    vocabulary = data.vocabulary
    self.taskNames = taskNames
    labelSets = data.labelSets
    set = DevelopmentSet(taskCount: taskNames.count, multiLabel: multiLabel)
  }

  /// Adds one dev example, once for each task it is labelled for; other tasks' labels are
  /// ignored.
  ///
  /// - Throws: ``TrainingError/text(location:error:)`` when the text cannot be prepared.
  public mutating func add(_ example: Example) throws(TrainingError) {
    let labelled = taskNames.indices.filter { example.isLabelled(forTask: taskNames[$0]) }
    guard !labelled.isEmpty else { return }
    var text = example.text
    do {
      try text.withUTF8Bytes { (bytes) throws(TextError) in
        try encoder.encode(bytes, vocabulary: vocabulary)
      }
    } catch {
      throw .text(location: example.location, error: error)
    }
    for task in labelled {
      guard let list = example.labelList(ofTask: taskNames[task]) else { continue }
      let value: Int32
      if set.multiLabel[task] {
        let ids = list.compactMap { labelSets[task].id(of: $0)?.rawValue }
        value = set.appendList(Set(ids).sorted(), unseen: list.count - ids.count)
      } else {
        guard list.count == 1 else {
          throw .severalLabels(task: taskNames[task], labels: list, location: example.location)
        }
        value = labelSets[task].id(of: list[0])?.rawValue ?? -1
      }
      set.features.append(contentsOf: encoder.features)
      set.offsets.append(set.features.count)
      set.tasks.append(Int32(task))
      set.labels.append(value)
    }
  }

  /// The featurized set.
  public func finish() -> DevelopmentSet { set }
}
