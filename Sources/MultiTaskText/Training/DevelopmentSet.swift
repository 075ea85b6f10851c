/// Every task's dev documents, featurized with the final vocabulary, so accuracy can be
/// measured after each epoch without touching text again.
public struct DevelopmentSet: Sendable {
  /// Feature ids of all documents, laid end to end.
  var features: [Int32] = []
  /// Document `i`'s features are `features[offsets[i]..<offsets[i + 1]]`.
  var offsets: [Int] = [0]
  /// Each document's task.
  var tasks: [Int32] = []
  /// Each document's label id, or -1 for a label the model never saw (always wrong).
  var labels: [Int32] = []
  /// Which tasks have a dev file.
  public let hasDevelopmentFile: [Bool]
  /// What reading each dev file counted (skipped records, repaired lines).
  public internal(set) var corpusStatistics: [CorpusStatistics] = []

  init(hasDevelopmentFile: [Bool]) {
    self.hasDevelopmentFile = hasDevelopmentFile
  }

  /// The number of documents.
  public var documentCount: Int { tasks.count }

  /// Reads and featurizes the dev file of every task that has one; nil when none has.
  static func read(
    tasks: [TaskConfiguration], manifest: ModelManifest, vocabulary: Vocabulary,
    skipInvalid: Bool
  ) throws(TrainingError) -> DevelopmentSet? {
    guard tasks.contains(where: { $0.dev != nil }) else { return nil }
    let encoder: DocumentEncoder
    do {
      encoder = try DocumentEncoder(manifest: manifest, vocabularySize: vocabulary.count)
    } catch {
      throw .corpus(.invalidConfiguration(path: tasks[0].train.path, problem: "\(error)"))
    }
    var set = DevelopmentSet(hasDevelopmentFile: tasks.map { $0.dev != nil })
    for (task, configuration) in tasks.enumerated() {
      guard var source = configuration.dev else { continue }
      source.taskName = configuration.name
      source.checksLabelField = true
      if skipInvalid { source.skipInvalid = true }
      do {
        let reader = try CorpusReader(source: source)
        while let example = try reader.next() {
          guard let label = example.labels[configuration.name] else { continue }
          var text = example.text
          do {
            try text.withUTF8Bytes { (bytes) throws(TextError) in
              try encoder.encode(bytes, vocabulary: vocabulary)
            }
          } catch {
            throw TrainingError.text(
              path: source.path, line: example.location?.line ?? 0, error: error)
          }
          set.features.append(contentsOf: encoder.features)
          set.offsets.append(set.features.count)
          set.tasks.append(Int32(task))
          set.labels.append(manifest.tasks[task].labels.id(of: label)?.rawValue ?? -1)
        }
        set.corpusStatistics.append(reader.statistics)
      } catch let error as TrainingError {
        throw error
      } catch let error as CorpusError {
        throw .corpus(error)
      } catch {
        throw .corpus(.unreadable(path: source.path, problem: "\(error)"))
      }
    }
    return set
  }

  /// Replaces every feature id with `rows[id]`, as training does with its own features.
  mutating func remapFeatures(_ rows: [Int32]) {
    EmbeddingStorage.remap(&features, to: rows)
  }

  /// Each task's accuracy under the given parameters (nil for tasks without a dev file).
  ///
  /// Every document runs the model's ``ForwardPass``, exactly as ``Predictor`` does, so the
  /// last epoch's dev accuracy equals what `mtl eval` reports on the same file, documents
  /// without a known feature included.
  func accuracy(parameters: SharedParameters) -> [Double?] {
    let scratch = ForwardScratch(
      dimension: parameters.dimension, labels: parameters.labelCounts.max() ?? 1)
    var correct = [Int](repeating: 0, count: hasDevelopmentFile.count)
    var total = [Int](repeating: 0, count: hasDevelopmentFile.count)
    features.withUnsafeBufferPointer { features in
      for document in 0..<documentCount {
        let task = Int(tasks[document])
        total[task] += 1
        let range = offsets[document]..<offsets[document + 1]
        let predicted = ForwardPass.classify(
          UnsafeBufferPointer(rebasing: features[range]), task: task, with: parameters,
          scratch: scratch)
        if predicted == Int(labels[document]) { correct[task] += 1 }
      }
    }
    return hasDevelopmentFile.indices.map { task in
      guard hasDevelopmentFile[task], total[task] > 0 else { return nil }
      return Double(correct[task]) / Double(total[task])
    }
  }
}
