/// Continued training: starting from a saved model instead of random rows and zero heads.
///
/// The new corpus may add words, labels and tasks. Old words keep their ids, and the hashed
/// bucket rows move down by the number of new words, so every row the old model trained
/// starts from its trained values. A task the old model had keeps its head rows for the
/// labels it knew; new labels and new tasks start at zero, as in fresh training. Text and
/// feature settings must be the old model's, or the rows would mean something else.
extension Trainer {
  /// The settings that must equal the model's, with both values, when they differ.
  ///
  /// - Parameter base: The model to continue from.
  /// - Returns: One line per setting that differs, such as
  ///   `features.buckets: 1000000 in the model, 100000 here`; empty when training may continue.
  public func incompatibilities(with base: MultiTaskModel) -> [String] {
    let old = base.manifest
    var problems: [String] = []
    func compare<Value: Equatable>(_ key: String, _ model: Value, _ here: Value) {
      if model != here { problems.append("\(key): \(model) in the model, \(here) here") }
    }
    compare("text.normalizer", old.normalizer, text.normalizer)
    compare("text.tokenizer", old.tokenizer, text.tokenizer)
    if !features.automaticWordNgrams {
      compare("features.wordNgrams", old.features.wordNgrams, features.wordNgrams)
    }
    compare("features.buckets", old.features.buckets, features.buckets)
    if !features.automaticCharacterNgrams {
      compare("features.minn", old.features.minCharNgram, features.minCharNgram)
      compare("features.maxn", old.features.maxCharNgram, features.maxCharNgram)
    }
    compare("model.dimension", old.dimension, model.dimension)
    compare("model.privateBuckets", old.privateBuckets, model.privateBuckets)
    return problems
  }

  /// This trainer set up to continue from `base`: an automatic word n-gram length and
  /// automatic character n-grams take the model's.
  ///
  /// - Throws: ``TrainingError/incompatibleInitialModel(settings:)`` listing every setting
  ///   that differs from the model's.
  public func continuing(from base: MultiTaskModel) throws(TrainingError) -> Trainer {
    let problems = incompatibilities(with: base)
    guard problems.isEmpty else { throw .incompatibleInitialModel(settings: problems) }
    var trainer = self
    if features.automaticWordNgrams {
      trainer.features.wordNgrams = base.manifest.features.wordNgrams
    }
    if features.automaticCharacterNgrams {
      trainer.features.minCharNgram = base.manifest.features.minCharNgram
      trainer.features.maxCharNgram = base.manifest.features.maxCharNgram
    }
    return trainer
  }

  /// Copies the old model's trained rows and heads into the new run's parameters.
  func start(
    from base: MultiTaskModel, embeddings: EmbeddingStorage, vocabularySize: Int,
    state: TrainingState, labelSets: [LabelSet]
  ) {
    let oldWords = base.vocabulary.count
    let dimension = embeddings.columns
    for (packed, row) in embeddings.usedRows.enumerated() {
      let row = Int(row)
      let oldRow: Int
      if row < oldWords {
        oldRow = row
      } else if row >= vocabularySize {
        oldRow = oldWords + (row - vocabularySize)
      } else {
        continue  // A new word: it keeps its random start.
      }
      guard oldRow < base.embeddings.rows, base.embeddings.position(of: oldRow) != nil else {
        continue  // A row the old model never trained.
      }
      let values = base.embeddings.row(oldRow)
      values.withUnsafeBufferPointer { source in
        guard let source = source.baseAddress else { return }
        (embeddings.pointer + packed * dimension).update(from: source, count: dimension)
      }
    }
    for (task, labels) in zip(tasks, labelSets) {
      guard let oldTask = base.manifest.taskIndex(named: task.name) else { continue }
      let oldLabels = base.manifest.tasks[oldTask].labels
      guard let index = tasks.firstIndex(where: { $0.name == task.name }) else { continue }
      // A hierarchical head's rows belong to tree nodes, and the tree follows the counts,
      // which continued training changes: such a head starts afresh.
      let byLabel = task.loss != .hierarchical && base.manifest.tasks[oldTask].loss != .hierarchical
      for (label, name) in labels.labels.enumerated() where byLabel {
        guard let oldLabel = oldLabels.id(of: name) else { continue }
        state.setHeadRow(
          task: index, label: label, to: Array(base.heads[oldTask].row(Int(oldLabel.rawValue))))
      }
      if !base.privateEmbeddings.isEmpty {
        state.setPrivateTable(task: index, to: base.privateEmbeddings[oldTask].storage)
      }
    }
  }
}
