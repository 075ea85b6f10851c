/// Reads every task's training corpus once: tokenizes, counts the vocabulary, collects the
/// label sets, then featurizes all documents with the final vocabulary.
///
/// Documents are stored as provisional token ids while counting, so the text is tokenized a
/// single time. Tasks that share a training file (one multi-task JSONL with a `labels`
/// object, say) share its documents: a document is keyed by file and line, and each task adds
/// its own label to it.
struct TrainingSetBuilder {
  private let tasks: [TaskConfiguration]
  private let pipeline: TextPipeline
  private var vocabulary = VocabularyBuilder()
  private var provisionalTokens: [Int32] = []
  private var tokenOffsets: [Int] = [0]
  private var labelNames: [[String]] = []
  private var labelIndex: [[String: Int32]]
  private var provisionalLabels: [Int32] = []
  private var documentByLocation: [CorpusLocation: Int] = [:]
  private var tokenized = TokenizedText()
  /// What each task's reader counted, for the report.
  private(set) var statistics: [CorpusStatistics] = []

  init(tasks: [TaskConfiguration], text: TextConfiguration) throws(TextError) {
    self.tasks = tasks
    pipeline = try TextPipeline(normalizer: text.normalizer, tokenizer: text.tokenizer)
    labelNames = Array(repeating: [], count: tasks.count)
    labelIndex = Array(repeating: [:], count: tasks.count)
  }

  /// Reads all training files.
  mutating func readCorpora(skipInvalid: Bool) throws(TrainingError) {
    let sharedPaths = Dictionary(grouping: tasks.map(\.train.path)) { $0 }
      .filter { $0.value.count > 1 }.keys
    for (task, configuration) in tasks.enumerated() {
      var source = configuration.train
      source.taskName = configuration.name
      source.checksLabelField = true
      if skipInvalid { source.skipInvalid = true }
      let reader: CorpusReader
      do { reader = try CorpusReader(source: source) } catch { throw .corpus(error) }
      let keyByLocation = sharedPaths.contains(source.path)
      var labelled = 0
      do {
        while let example = try reader.next() {
          guard let label = example.labels[configuration.name] else {
            if !keyByLocation { try addDocument(example, label: nil, task: task) }
            continue
          }
          labelled += 1
          if keyByLocation, let location = example.location,
            let document = documentByLocation[location]
          {
            provisionalLabels[document * tasks.count + task] = labelID(label, task: task)
            continue
          }
          let document = try addDocument(example, label: label, task: task)
          if keyByLocation, let location = example.location {
            documentByLocation[location] = document
          }
        }
      } catch let error as CorpusError {
        throw .corpus(error)
      } catch let error as TrainingError {
        throw error
      } catch {
        throw .corpus(.unreadable(path: source.path, problem: "\(error)"))
      }
      statistics.append(reader.statistics)
      if reader.statistics.examplesRead == 0 {
        if let first = reader.statistics.skippedProblems.first {
          throw .everyRecordSkipped(
            task: configuration.name, path: source.path,
            count: reader.statistics.recordsSkipped, first: first)
        }
        throw .emptyCorpus(task: configuration.name, path: source.path)
      }
      if labelled == 0 { throw .noLabelledExamples(task: configuration.name, path: source.path) }
      if labelNames[task].count < 2 {
        throw .tooFewLabels(task: configuration.name, labels: labelNames[task])
      }
    }
  }

  @discardableResult
  private mutating func addDocument(
    _ example: Example, label: String?, task: Int
  ) throws(TrainingError) -> Int {
    var text = example.text
    do {
      try text.withUTF8Bytes { (bytes) throws(TextError) in
        try pipeline.tokenize(bytes, into: &tokenized)
      }
    } catch {
      throw .text(
        path: example.location?.path ?? tasks[task].train.path,
        line: example.location?.line ?? 0, error: error)
    }
    for token in tokenized.tokens {
      let id = tokenized.withUTF8(of: token) { utf8 in
        vocabulary.add(utf8, hash: FNV1a.hash(UnsafeRawBufferPointer(utf8)))
      }
      provisionalTokens.append(id)
    }
    tokenOffsets.append(provisionalTokens.count)
    let document = provisionalLabels.count / tasks.count
    provisionalLabels.append(contentsOf: repeatElement(-1, count: tasks.count))
    if let label { provisionalLabels[document * tasks.count + task] = labelID(label, task: task) }
    return document
  }

  private mutating func labelID(_ label: String, task: Int) -> Int32 {
    if let id = labelIndex[task][label] { return id }
    let id = Int32(labelNames[task].count)
    labelNames[task].append(label)
    labelIndex[task][label] = id
    return id
  }

  /// Cuts the vocabulary, sorts the label sets, and featurizes every document.
  func finish(
    features configuration: FeatureConfiguration
  ) throws(TrainingError) -> (Vocabulary, [LabelSet], TrainingSet) {
    let (vocabulary, remap) = self.vocabulary.build(
      minCount: configuration.minCount, maxSize: configuration.maxVocabularySize)
    let featurizer: Featurizer
    do throws(FeatureConfigurationError) {
      featurizer = try Featurizer(configuration: configuration, vocabularySize: vocabulary.count)
    } catch { throw .features(error) }

    let labelSets = labelNames.map { LabelSet($0) }
    let labelRemap = zip(labelNames, labelSets).map { names, set in
      names.map { set.id(of: $0)!.rawValue }
    }
    var set = TrainingSet(taskCount: tasks.count)
    set.corpusStatistics = statistics
    set.labels = provisionalLabels
    for index in set.labels.indices where set.labels[index] >= 0 {
      set.labels[index] = labelRemap[index % tasks.count][Int(set.labels[index])]
    }
    set.tokenCount = provisionalTokens.count
    set.features.reserveCapacity(provisionalTokens.count * configuration.wordNgrams)
    var encoded = EncodedDocument()
    for document in 0..<(tokenOffsets.count - 1) {
      encoded.removeAll()
      for position in tokenOffsets[document]..<tokenOffsets[document + 1] {
        let provisional = provisionalTokens[position]
        let final = remap[Int(provisional)]
        let id = final >= 0 ? TokenID(final) : TokenID.outOfVocabulary
        let hash = self.vocabulary.hash(ofProvisional: provisional)
        self.vocabulary.withUTF8(ofProvisional: provisional) {
          encoded.append(id, utf8: $0, hash: hash)
        }
      }
      featurizer.appendFeatures(of: encoded, to: &set.features)
      set.offsets.append(set.features.count)
    }
    return (vocabulary, labelSets, set)
  }
}
