/// Builds a ``TrainingData`` from examples: tokenizes each document once, counts the
/// vocabulary, collects the label sets, then featurizes every document with the final
/// vocabulary.
///
/// Each job is its own type, and this builder only composes them: `DocumentTokenizer`
/// tokenizes, `VocabularyCounter` counts words under provisional ids, `LabelInterner`
/// interns labels, `ProvisionalDocuments` holds the documents in memory and `DocumentSpill`
/// on disk, and `CorpusFeaturizer` featurizes them at the end.
///
/// Examples may come from memory or from files in any order; an example's labels for tasks
/// the builder does not know are ignored, and a task it does not label is masked for that
/// document. When several tasks read one multi-task file, each task's pass adds its own label
/// to the document at the same location (``add(_:mergingByLocation:)``).
///
/// The pipeline tokenizes on several threads and adds the documents in file order with their
/// tokens (`add(_:tokenized:mergingByLocation:)`), which gives the same provisional ids, so
/// the same vocabulary and features, as tokenizing here.
///
/// Memory follows `training.memoryBudget`. Once the provisional tokens pass half of it, they
/// and every later document go to a temporary file instead, and once the features pass the
/// other half, ``finish(features:characterNgrams:threads:)`` writes them to a feature cache
/// on disk in shards, which training streams; a corpus within the budget stays in memory.
/// Either way the builder keeps what it read, so one reading can be featurized several times.
public struct TrainingSetBuilder {
  private var tokenizer: DocumentTokenizer
  private var vocabulary = VocabularyCounter()
  private var labels: LabelInterner
  private var documents: ProvisionalDocuments
  private var spill: DocumentSpill?
  /// The vocabulary of the model training continues from, whose words keep their ids.
  private let baseVocabulary: Vocabulary?
  private var documentByLocation: [CorpusLocation: Int] = [:]
  /// Whether a document was merged by location: merging rewrites earlier documents' labels,
  /// so such a corpus stays in memory.
  private var merges = false
  /// What reading each file counted, when the examples came from files, for the report.
  public var corpusStatistics: [CorpusStatistics] = []
  /// How much of the corpus stays in memory, and where the rest goes.
  private let diskCache: DiskCachePolicy

  /// Prepares a builder for the named tasks, in model order.
  ///
  /// - Parameters:
  ///   - tasks: The task names.
  ///   - text: How text is normalized and tokenized.
  ///   - base: The model training continues from: its words keep their ids, and its labels
  ///     stay in the label sets of the tasks it shares, even if the new data lacks them.
  ///   - multiLabelTasks: The tasks that take a list of labels per document; the others
  ///     take one label, and an example giving one of them a list of several is an error.
  ///   - memoryBudget: The bytes the corpus may take in memory before it goes to disk; nil
  ///     for no limit.
  ///   - cacheDirectory: Where the disk caches' (unlinked) files are made.
  ///   - seed: The training seed, which spreads cached documents over the cache's shards.
  /// - Throws: ``TrainingError/model(_:)`` when ICU cannot open the text pipeline.
  public init(
    tasks: [String], text: TextConfiguration, continuing base: MultiTaskModel? = nil,
    multiLabelTasks: Set<String> = [], memoryBudget: Int? = nil,
    cacheDirectory: String = TrainingConfiguration.defaultCacheDirectory, seed: UInt64 = 1
  ) throws(TrainingError) {
    diskCache = DiskCachePolicy(memoryBudget: memoryBudget, directory: cacheDirectory, seed: seed)
    baseVocabulary = base?.vocabulary
    tokenizer = try DocumentTokenizer(text: text)
    labels = LabelInterner(taskNames: tasks)
    documents = ProvisionalDocuments(
      taskCount: tasks.count, multiLabel: tasks.map { multiLabelTasks.contains($0) })
    if let base {
      for (task, name) in tasks.enumerated() {
        guard let old = base.manifest.tasks.first(where: { $0.name == name }) else { continue }
        for label in old.labels.labels { _ = try labels.id(of: label, task: task, location: nil) }
      }
    }
  }

  /// The labels seen so far for task `task`, in order of first appearance.
  public func labels(ofTask task: Int) -> [String] { labels.names[task] }

  /// Adds one example.
  ///
  /// - Parameters:
  ///   - example: The document and its labels by task name.
  ///   - mergingByLocation: Whether an example at a location added before adds its labels to
  ///     that document instead of becoming a new one; an unlabelled example is then skipped,
  ///     since another task's pass over the same file adds the document.
  /// - Throws: ``TrainingError/text(location:error:)`` when the text cannot be prepared.
  public mutating func add(
    _ example: Example, mergingByLocation: Bool = false
  ) throws(TrainingError) {
    try add(example, tokens: nil, mergingByLocation: mergingByLocation)
  }

  /// Adds one example whose text was tokenized beforehand, on another thread: the same as
  /// ``add(_:mergingByLocation:)``, with the same checks in the same order, but the tokens'
  /// bytes and hashes come from `tokenized` instead of this builder's text pipeline.
  ///
  /// - Parameters:
  ///   - example: The document and its labels by task name.
  ///   - tokenized: The document's tokens, from the example's text.
  ///   - mergingByLocation: As for ``add(_:mergingByLocation:)``.
  /// - Throws: ``TrainingError/text(location:error:)`` when the text could not be prepared.
  mutating func add(
    _ example: Example, tokenized: TokenizedDocument, mergingByLocation: Bool = false
  ) throws(TrainingError) {
    try add(example, tokens: tokenized, mergingByLocation: mergingByLocation)
  }

  /// What both entry points do; `tokens` nil means tokenizing the example's text here.
  private mutating func add(
    _ example: Example, tokens: TokenizedDocument?, mergingByLocation: Bool
  ) throws(TrainingError) {
    var given: [(task: Int, labels: [String])] = []
    for (task, name) in labels.taskNames.enumerated() {
      guard let list = example.labelList(ofTask: name) else { continue }
      if !documents.multiLabel[task] && list.count != 1 {
        throw .severalLabels(task: name, labels: list, location: example.location)
      }
      given.append((task, list))
    }
    if mergingByLocation, let location = example.location {
      guard !given.isEmpty else { return }
      merges = true
      if let document = documentByLocation[location] {
        try label(document, with: given, location: location)
        return
      }
      documentByLocation[location] = try addDocument(example, labels: given, tokens: tokens)
      return
    }
    try addDocument(example, labels: given, tokens: tokens)
  }

  @discardableResult
  private mutating func addDocument(
    _ example: Example, labels given: [(task: Int, labels: [String])], tokens: TokenizedDocument?
  ) throws(TrainingError) -> Int {
    if let tokens, let failure = tokens.batch.failure(ofDocument: tokens.index) {
      throw .text(location: example.location, error: failure)
    }
    if tokens == nil { try tokenizer.tokenize(example) }
    if var current = spill.take() {
      defer { spill = current }
      current.startDocument(taskCount: documents.taskCount)
      Self.count(
        tokens, tokenizer: tokenizer, vocabulary: &vocabulary, into: &current.document.ids)
      for (task, list) in given {
        let ids = try labels.ids(of: list, task: task, location: example.location)
        current.setLabels(ids, task: task, multiLabel: documents.multiLabel[task])
      }
      try current.writeDocument()
      return current.documentCount - 1
    }
    Self.count(tokens, tokenizer: tokenizer, vocabulary: &vocabulary, into: &documents.tokens)
    let document = documents.endDocument()
    try label(document, with: given, location: example.location)
    if let memoryBudget = diskCache.memoryBudget, !merges,
      documents.tokens.count * MemoryLayout<Int32>.stride > memoryBudget / 2
    {
      spill = try DocumentSpill(directory: diskCache.directory, movingIn: documents)
      documents.removeAll()
    }
    return document
  }

  /// Counts the document's tokens into `vocabulary` and appends their provisional ids to
  /// `ids`: the tokens given, or those `tokenizer` just made.
  private static func count(
    _ tokens: TokenizedDocument?, tokenizer: DocumentTokenizer,
    vocabulary: inout VocabularyCounter, into ids: inout [Int32]
  ) {
    if let tokens {
      vocabulary.count(tokens, into: &ids)
    } else {
      vocabulary.count(tokenizer.tokenized, into: &ids)
    }
  }

  /// Sets in-memory document `document`'s labels for each task given.
  private mutating func label(
    _ document: Int, with given: [(task: Int, labels: [String])], location: CorpusLocation?
  ) throws(TrainingError) {
    for (task, list) in given {
      let ids = try labels.ids(of: list, task: task, location: location)
      documents.setLabels(ids, ofDocument: document, task: task)
    }
  }

  /// Cuts the vocabulary, sorts the label sets, and featurizes every document.
  ///
  /// - Parameters:
  ///   - requested: The feature settings; their automatic choices are made here, once, by a
  ///     ``FeatureResolver`` from the corpus.
  ///   - characterNgrams: Whether automatic character n-grams are on (the pipeline's choice
  ///     on dev); off by default.
  ///   - threads: How many threads featurize a corpus held in memory; the features do not
  ///     depend on it.
  /// - Returns: The featurized set with its vocabulary and label sets.
  /// - Throws: ``TrainingError/tooFewLabels(task:labels:)`` for a task with fewer than two
  ///   labels, ``TrainingError/emptyVocabulary(minCount:mostFrequent:)`` when no word is
  ///   kept, or ``TrainingError/features(_:)`` for feature settings that cannot work.
  public func finish(
    features requested: FeatureConfiguration, characterNgrams: Bool = false, threads: Int = 1
  ) throws(TrainingError) -> TrainingData {
    let documentCount = (spill?.documentCount ?? 0) + documents.documentCount
    let tokenCount = (spill?.tokenCount ?? 0) + documents.tokens.count
    let configuration = FeatureResolver(requested).resolved(
      averageTokens: Double(tokenCount) / Double(max(1, documentCount)),
      multiLabel: documents.multiLabel.contains(true), characterNgrams: characterNgrams)
    let (labelSets, labelRemap) = try labels.finish()
    let (vocabulary, remap) = try self.vocabulary.finish(
      features: configuration, extending: baseVocabulary)
    let featurizer: Featurizer
    do throws(FeatureConfigurationError) {
      featurizer = try Featurizer(configuration: configuration, vocabularySize: vocabulary.count)
    } catch { throw .features(error) }
    let corpus = CorpusFeaturizer(
      vocabulary: self.vocabulary, remap: remap, featurizer: featurizer, labelRemap: labelRemap)
    var set: TrainingSet
    if spill == nil,
      diskCache.memoryBudget.map({
        documents.tokens.count * corpus.featuresPerToken * MemoryLayout<Int32>.stride <= $0 / 2
      }) ?? true
    {
      set = corpus.inMemory(documents, threads: threads)
    } else {
      var output = FeaturizedOutput(
        taskCount: documents.taskCount, multiLabel: documents.multiLabel,
        diskCache: merges
          ? DiskCachePolicy(directory: diskCache.directory, seed: diskCache.seed) : diskCache,
        expectedDocuments: documentCount,
        // Tokens that did not fit in memory make features that do not either: they go to the
        // cache from the first document instead of filling half the budget first.
        cachedWords: spill == nil
          ? nil
          : tokenCount * corpus.featuresPerToken + documentCount * (documents.taskCount + 1))
      output.set.tokenCount = tokenCount
      if spill == nil {
        output.set.features.reserveCapacity(
          min(
            documents.tokens.count * configuration.wordNgrams,
            (diskCache.memoryBudget ?? .max) / MemoryLayout<Int32>.stride / 2 + 1))
      }
      set = try corpus.streaming(documents, spill: spill, into: &output)
    }
    set.corpusStatistics = corpusStatistics
    return TrainingData(
      vocabulary: vocabulary, labelSets: labelSets, set: set, features: configuration)
  }
}
