import Dispatch

/// Builds a ``TrainingData`` from examples: tokenizes each document once, counts the
/// vocabulary, collects the label sets, then featurizes every document with the final
/// vocabulary.
///
/// Documents are stored as provisional token ids while counting, so the text is tokenized a
/// single time and never kept. Examples may come from memory or from files in any order; an
/// example's labels for tasks the builder does not know are ignored, and a task it does not
/// label is masked for that document. When several tasks read one multi-task file, each
/// task's pass adds its own label to the document at the same location
/// (``add(_:mergingByLocation:)``).
///
/// The pipeline tokenizes on several threads and adds the documents in file order with their
/// tokens (`add(_:tokenized:mergingByLocation:)`), which gives the same provisional ids, so
/// the same vocabulary and features, as tokenizing here.
///
/// Memory follows `training.memoryBudget`. Once the provisional tokens pass half of it, they
/// and every later document go to a temporary file instead, and once the features pass the
/// other half, ``finish(features:threads:)`` writes them to a feature cache on disk in shards, which
/// training streams; a corpus within the budget stays in memory exactly as before. Either
/// way the builder keeps what it read, so one reading can be featurized several times.
public struct TrainingSetBuilder {
  private let taskNames: [String]
  private let pipeline: TextPipeline
  private var vocabulary = VocabularyBuilder()
  /// The vocabulary of the model training continues from, whose words keep their ids.
  private let baseVocabulary: Vocabulary?
  private var provisionalTokens: [Int32] = []
  private var tokenOffsets: [Int] = [0]
  private var labelNames: [[String]]
  private var labelIndex: [[String: Int32]]
  private var provisionalLabels: [Int32] = []
  /// Which tasks are multi-label; their entries in `provisionalLabels` index
  /// `provisionalLists`.
  private let multiLabel: [Bool]
  /// Multi-label documents' label lists, as provisional label ids, one after another.
  private var provisionalListValues: [Int32] = []
  private var provisionalListOffsets: [Int] = [0]
  private var documentByLocation: [CorpusLocation: Int] = [:]
  private var tokenized = TokenizedText()
  /// What reading each file counted, when the examples came from files, for the report.
  public var corpusStatistics: [CorpusStatistics] = []
  /// Bytes the corpus may take in memory, or nil for no limit.
  private let memoryBudget: Int?
  /// Where the caches' files are made.
  private let cacheDirectory: String
  /// The seed, which spreads cached documents over the shards.
  private let seed: UInt64
  /// The documents read after memory ran out, and those before, moved there when it did.
  private var spill: CacheFile?
  private var spilledDocuments = 0
  private var spilledTokens = 0
  /// Whether a document was merged by location: merging rewrites earlier documents' labels,
  /// so such a corpus stays in memory.
  private var merges = false
  private var document = CachedDocument()

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
    self.memoryBudget = memoryBudget
    self.cacheDirectory = cacheDirectory
    self.seed = seed
    baseVocabulary = base?.vocabulary
    taskNames = tasks
    multiLabel = tasks.map { multiLabelTasks.contains($0) }
    do {
      pipeline = try TextPipeline(normalizer: text.normalizer, tokenizer: text.tokenizer)
    } catch { throw .model(.textPipeline(error)) }
    labelNames = Array(repeating: [], count: tasks.count)
    labelIndex = Array(repeating: [:], count: tasks.count)
    if let base {
      for (task, name) in tasks.enumerated() {
        guard let old = base.manifest.tasks.first(where: { $0.name == name }) else { continue }
        for label in old.labels.labels { _ = try labelID(label, task: task, location: nil) }
      }
    }
  }

  /// The labels seen so far for task `task`, in order of first appearance.
  public func labels(ofTask task: Int) -> [String] { labelNames[task] }

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
    var labels: [(task: Int, labels: [String])] = []
    for (task, name) in taskNames.enumerated() {
      guard let list = example.labelList(ofTask: name) else { continue }
      if !multiLabel[task] && list.count != 1 {
        throw .severalLabels(task: name, labels: list, location: example.location)
      }
      labels.append((task, list))
    }
    if mergingByLocation, let location = example.location {
      guard !labels.isEmpty else { return }
      merges = true
      if let document = documentByLocation[location] {
        for (task, list) in labels {
          provisionalLabels[document * taskNames.count + task] = try labelValue(
            list, task: task, location: example.location)
        }
        return
      }
      documentByLocation[location] = try addDocument(example, labels: labels, tokens: tokens)
      return
    }
    try addDocument(example, labels: labels, tokens: tokens)
  }

  @discardableResult
  private mutating func addDocument(
    _ example: Example, labels: [(task: Int, labels: [String])], tokens: TokenizedDocument?
  ) throws(TrainingError) -> Int {
    if let tokens, let failure = tokens.batch.failure(ofDocument: tokens.index) {
      throw .text(location: example.location, error: failure)
    }
    if tokens == nil {
      var text = example.text
      do {
        try text.withUTF8Bytes { (bytes) throws(TextError) in
          try pipeline.tokenize(bytes, into: &tokenized)
        }
      } catch {
        throw .text(location: example.location, error: error)
      }
    }
    if let spill {
      self.document.removeAll()
      var ids: [Int32] = []
      swap(&ids, &self.document.ids)
      addTokens(tokens) { ids.append($0) }
      swap(&ids, &self.document.ids)
      try spillDocument(labels: labels, location: example.location, to: spill)
      return spilledDocuments - 1
    }
    var ids: [Int32] = []
    swap(&ids, &provisionalTokens)
    addTokens(tokens) { ids.append($0) }
    swap(&ids, &provisionalTokens)
    tokenOffsets.append(provisionalTokens.count)
    let document = provisionalLabels.count / taskNames.count
    provisionalLabels.append(contentsOf: repeatElement(-1, count: taskNames.count))
    for (task, list) in labels {
      provisionalLabels[document * taskNames.count + task] = try labelValue(
        list, task: task, location: example.location)
    }
    if let memoryBudget, !merges,
      provisionalTokens.count * MemoryLayout<Int32>.stride > memoryBudget / 2
    {
      try moveToDisk()
    }
    return document
  }

  /// Counts the document's tokens into the vocabulary and passes each one's provisional id
  /// to `body`: the tokens given, or those this builder's pipeline just made.
  private mutating func addTokens(
    _ tokens: TokenizedDocument?, _ body: (Int32) -> Void
  ) {
    if let tokens {
      tokens.batch.forEachToken(ofDocument: tokens.index) { utf8, hash in
        body(vocabulary.add(utf8, hash: hash))
      }
      return
    }
    for token in tokenized.tokens {
      let id = tokenized.withUTF8(of: token) { utf8 in
        vocabulary.add(utf8, hash: FNV1a.hash(UnsafeRawBufferPointer(utf8)))
      }
      body(id)
    }
  }

  /// Writes the document whose ids are in `document` to the spill file, in
  /// ``CachedDocument``'s layout.
  private mutating func spillDocument(
    labels: [(task: Int, labels: [String])], location: CorpusLocation?, to spill: CacheFile
  ) throws(TrainingError) {
    document.labels.append(contentsOf: repeatElement(-1, count: taskNames.count))
    for (task, list) in labels {
      if multiLabel[task] {
        for label in list {
          document.listValues.append(try labelID(label, task: task, location: location))
        }
        document.labels[task] = Int32(list.count)
      } else {
        document.labels[task] = try labelID(list[0], task: task, location: location)
      }
    }
    try document.write(to: spill)
    spilledDocuments += 1
    spilledTokens += document.ids.count
  }

  /// Moves the documents in memory to a new spill file, where every later one goes too.
  private mutating func moveToDisk() throws(TrainingError) {
    let spill = try CacheFile(directory: cacheDirectory)
    var document = CachedDocument()
    for index in 0..<(tokenOffsets.count - 1) {
      document.removeAll()
      document.ids.append(
        contentsOf: provisionalTokens[tokenOffsets[index]..<tokenOffsets[index + 1]])
      appendCachedLabels(ofDocument: index, to: &document)
      try document.write(to: spill)
      spilledDocuments += 1
      spilledTokens += document.ids.count
    }
    provisionalTokens = []
    tokenOffsets = [0]
    provisionalLabels = []
    provisionalListValues = []
    provisionalListOffsets = [0]
    self.spill = spill
  }

  /// Appends in-memory document `index`'s provisional labels to `document`, in
  /// ``CachedDocument``'s convention: a multi-label entry becomes its list's length, the
  /// list's ids follow in task order.
  private func appendCachedLabels(ofDocument index: Int, to document: inout CachedDocument) {
    for task in 0..<taskNames.count {
      let value = provisionalLabels[index * taskNames.count + task]
      if multiLabel[task] && value >= 0 {
        let list = provisionalListValues[
          provisionalListOffsets[Int(value)]..<provisionalListOffsets[Int(value) + 1]]
        document.listValues.append(contentsOf: list)
        document.labels.append(Int32(list.count))
      } else {
        document.labels.append(value)
      }
    }
  }

  /// Replaces `encoded` with provisional `tokens` under their final ids, hashes and bytes,
  /// as the featurizer reads them.
  private static func encode(
    _ tokens: some Collection<Int32>, vocabulary: VocabularyBuilder, remap: [Int32],
    into encoded: inout EncodedDocument
  ) {
    encoded.removeAll()
    for provisional in tokens {
      let final = remap[Int(provisional)]
      let id = final >= 0 ? TokenID(final) : TokenID.outOfVocabulary
      let hash = vocabulary.hash(ofProvisional: provisional)
      vocabulary.withUTF8(ofProvisional: provisional) {
        encoded.append(id, utf8: $0, hash: hash)
      }
    }
  }

  /// The number of documents read.
  private var documentCount: Int { spilledDocuments + tokenOffsets.count - 1 }

  /// The number of tokens read.
  private var tokenCount: Int { spilledTokens + provisionalTokens.count }

  /// What a task's entry holds: the label's id for a single-label task, or the index of a
  /// new list of label ids for a multi-label one.
  private mutating func labelValue(
    _ list: [String], task: Int, location: CorpusLocation?
  ) throws(TrainingError) -> Int32 {
    guard multiLabel[task] else { return try labelID(list[0], task: task, location: location) }
    for label in list {
      provisionalListValues.append(try labelID(label, task: task, location: location))
    }
    provisionalListOffsets.append(provisionalListValues.count)
    return Int32(provisionalListOffsets.count - 2)
  }

  /// The provisional id of `label`, refusing a label beyond ``LabelSet/maximumCount`` so a
  /// file of unique "labels" (a text column taken for the label) fails at once instead of
  /// building an output layer of millions of rows.
  private mutating func labelID(
    _ label: String, task: Int, location: CorpusLocation?
  ) throws(TrainingError) -> Int32 {
    if let id = labelIndex[task][label] { return id }
    guard labelNames[task].count < LabelSet.maximumCount else {
      throw .tooManyLabels(task: taskNames[task], limit: LabelSet.maximumCount, location: location)
    }
    let id = Int32(labelNames[task].count)
    labelNames[task].append(label)
    labelIndex[task][label] = id
    return id
  }

  /// Cuts the vocabulary, sorts the label sets, and featurizes every document.
  ///
  /// - Parameters:
  ///   - requested: The feature settings; automatic choices are made here, from the corpus.
  ///   - threads: How many threads featurize a corpus held in memory; the features do not
  ///     depend on it.
  /// - Returns: The featurized set with its vocabulary and label sets.
  /// - Throws: ``TrainingError/tooFewLabels(task:labels:)`` for a task with fewer than two
  ///   labels, ``TrainingError/emptyVocabulary(minCount:mostFrequent:)`` when no word is
  ///   kept, or ``TrainingError/features(_:)`` for feature settings that cannot work.
  public func finish(
    features requested: FeatureConfiguration, threads: Int = 1
  ) throws(TrainingError) -> TrainingData {
    let documents = max(1, documentCount)
    var configuration = requested.resolved(
      averageTokens: Double(tokenCount) / Double(documents))
    if multiLabel.contains(true) {
      configuration.documentMarker = true
      // Automatic word n-grams are words alone for multi-label models: on GoEmotions,
      // bigrams lost 3 points of emotion macro-F1 (41.7 against 44.8).
      if requested.automaticWordNgrams { configuration.wordNgrams = 1 }
    }
    for (task, names) in labelNames.enumerated() where names.count < 2 {
      throw .tooFewLabels(task: taskNames[task], labels: names)
    }
    let (vocabulary, remap) =
      baseVocabulary.map {
        self.vocabulary.build(
          minCount: configuration.minCount, maxSize: configuration.maxVocabularySize,
          extending: $0)
      }
      ?? self.vocabulary.build(
        minCount: configuration.minCount, maxSize: configuration.maxVocabularySize)
    // A model without a single word has no features: it would answer the same for every
    // text, which is a configuration or data mistake, not a model.
    if vocabulary.count == 0 {
      throw .emptyVocabulary(
        minCount: configuration.minCount, mostFrequent: self.vocabulary.counts.max() ?? 0)
    }
    let featurizer: Featurizer
    do throws(FeatureConfigurationError) {
      featurizer = try Featurizer(configuration: configuration, vocabularySize: vocabulary.count)
    } catch { throw .features(error) }

    let labelSets = labelNames.map { LabelSet($0) }
    // Provisional label ids (order of first appearance) to final ones (sorted).
    let labelRemap = zip(labelNames, labelSets).map { names, set in
      names.map { set.id(of: $0)?.rawValue ?? -1 }
    }
    // A corpus whose features surely fit half the budget is featurized on every thread at
    // once; one that may not goes document by document, moving to the disk cache when the
    // features pass half the budget. Both give the same features.
    let featuresPerToken =
      configuration.wordNgrams
      + (configuration.usesCharacterNgrams ? Self.characterNgramsPerToken : 0)
    if spill == nil,
      memoryBudget.map({
        provisionalTokens.count * featuresPerToken * MemoryLayout<Int32>.stride <= $0 / 2
      }) ?? true
    {
      var set = TrainingSet(taskCount: taskNames.count)
      set.corpusStatistics = corpusStatistics
      set.multiLabel = multiLabel
      set.tokenCount = provisionalTokens.count
      for index in provisionalLabels.indices {
        let task = index % taskNames.count
        let value = provisionalLabels[index]
        if value >= 0 && multiLabel[task] {
          // Lists are renumbered in order and their values remapped, each list sorted.
          let list = Int(value)
          let range = provisionalListOffsets[list]..<provisionalListOffsets[list + 1]
          let remapped = range.map { labelRemap[task][Int(provisionalListValues[$0])] }.sorted()
          set.labels.append(Int32(set.labelListOffsets.count - 1))
          set.labelListValues.append(contentsOf: remapped)
          set.labelListOffsets.append(set.labelListValues.count)
        } else {
          set.labels.append(value >= 0 ? labelRemap[task][Int(value)] : -1)
        }
      }
      (set.features, set.offsets) = Self.featurize(
        tokens: provisionalTokens, offsets: tokenOffsets, vocabulary: self.vocabulary,
        remap: remap, featurizer: featurizer, threads: threads)
      return TrainingData(
        vocabulary: vocabulary, labelSets: labelSets, set: set, features: configuration)
    }
    var output = FeaturizedOutput(
      taskCount: taskNames.count, multiLabel: multiLabel, memoryBudget: merges ? nil : memoryBudget,
      cacheDirectory: cacheDirectory, seed: seed, expectedDocuments: documentCount,
      // Tokens that did not fit in memory make features that do not either: they go to the
      // cache from the first document instead of filling half the budget first.
      cachedWords: spill == nil
        ? nil : tokenCount * featuresPerToken + documentCount * (taskNames.count + 1))
    output.set.corpusStatistics = corpusStatistics
    output.set.tokenCount = tokenCount
    if spill == nil {
      output.set.features.reserveCapacity(
        min(
          provisionalTokens.count * configuration.wordNgrams,
          (memoryBudget ?? .max) / MemoryLayout<Int32>.stride / 2 + 1))
    }
    var encoded = EncodedDocument()
    var document = CachedDocument()
    if let spill {
      try spill.flush()
      var cursor = CacheCursor(spill)
      for _ in 0..<spilledDocuments {
        try document.read(from: &cursor, multiLabel: multiLabel)
        Self.encode(document.ids, vocabulary: self.vocabulary, remap: remap, into: &encoded)
        try output.append(
          encoded, featurizer: featurizer, labels: document.labels, lists: document.listValues,
          labelRemap: labelRemap)
      }
    } else {
      for index in 0..<(tokenOffsets.count - 1) {
        document.removeAll()
        appendCachedLabels(ofDocument: index, to: &document)
        Self.encode(
          provisionalTokens[tokenOffsets[index]..<tokenOffsets[index + 1]],
          vocabulary: self.vocabulary, remap: remap, into: &encoded)
        try output.append(
          encoded, featurizer: featurizer, labels: document.labels, lists: document.listValues,
          labelRemap: labelRemap)
      }
    }
    let set = try output.finish()
    return TrainingData(
      vocabulary: vocabulary, labelSets: labelSets, set: set, features: configuration)
  }
  /// What character n-grams add per token, at most, for deciding whether a corpus's
  /// features fit in memory before they are made: a 3–5-gram range over a word of average
  /// length gives about ten.
  static let characterNgramsPerToken = 12

  /// Every document's features, laid end to end, and where each document's end: the
  /// provisional tokens mapped to final ids and featurized.
  ///
  /// Documents are featurized independently, so `threads` contiguous ranges of documents are
  /// featurized side by side into buffers of their own, then joined in document order: the
  /// result is the same for any thread count.
  private static func featurize(
    tokens: [Int32], offsets: [Int], vocabulary: VocabularyBuilder, remap: [Int32],
    featurizer: Featurizer, threads: Int
  ) -> (features: [Int32], offsets: [Int]) {
    let documents = offsets.count - 1
    // Below a few thousand tokens a slice costs more to hand out than to featurize.
    let slices = max(1, min(threads, tokens.count / 4096, documents))
    let featurizeSlice: @Sendable (Range<Int>) -> (features: [Int32], ends: [Int]) = { range in
      var features: [Int32] = []
      var ends: [Int] = []
      ends.reserveCapacity(range.count)
      features.reserveCapacity(
        (offsets[range.upperBound] - offsets[range.lowerBound])
          * featurizer.configuration.wordNgrams)
      var encoded = EncodedDocument()
      for document in range {
        Self.encode(
          tokens[offsets[document]..<offsets[document + 1]], vocabulary: vocabulary,
          remap: remap, into: &encoded)
        featurizer.appendFeatures(of: encoded, to: &features)
        ends.append(features.count)
      }
      return (features, ends)
    }
    guard slices > 1 else {
      let (features, ends) = featurizeSlice(0..<documents)
      return (features, [0] + ends)
    }
    // Slices split the tokens evenly, since a document's cost follows its length.
    var bounds = [0]
    for slice in 1..<slices {
      let target = offsets[documents] * slice / slices
      var document = bounds[slice - 1]
      while document < documents && offsets[document] < target { document += 1 }
      bounds.append(document)
    }
    bounds.append(documents)
    let sliceBounds = bounds
    let results = SliceSlots<(features: [Int32], ends: [Int])>(count: slices)
    DispatchQueue.concurrentPerform(iterations: slices) { slice in
      results.store(featurizeSlice(sliceBounds[slice]..<sliceBounds[slice + 1]), at: slice)
    }
    var features: [Int32] = []
    features.reserveCapacity(results.values.reduce(0) { $0 + $1.features.count })
    var ends = [0]
    ends.reserveCapacity(documents + 1)
    for part in results.values {
      let base = features.count
      features.append(contentsOf: part.features)
      ends.append(contentsOf: part.ends.lazy.map { $0 + base })
    }
    return (features, ends)
  }
}
