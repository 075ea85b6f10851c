/// The featurized training documents of a corpus too large for the memory budget, on disk in
/// shards that training loads one at a time.
///
/// Each document goes to a shard drawn from the seed's ``SplitMix64/Stream/cacheShards``
/// stream, so every shard is a uniform random sample of the corpus whatever the order of the
/// files: a file sorted by label still gives each shard every label in proportion. An epoch
/// visits the shards in a fresh random order and shuffles the documents within each, so a
/// document's neighbours change from epoch to epoch as they do with a full shuffle, while
/// memory holds one shard (about ``shardBytes``) instead of the corpus.
///
/// The shards are ``CacheFile``s, unlinked from the start, so they vanish with the process.
/// The cache is written once, by the builder, and only read afterwards, from any thread.
final class FeatureCache: @unchecked Sendable {
  /// About how large a shard grows, in bytes: small next to any model worth a disk cache, and
  /// large enough that the threads of a shard run long between two shards.
  static let shardBytes = 16 << 20
  /// At most this many shards, so a huge corpus keeps its descriptors and write buffers
  /// (64 KiB a shard) bounded; its shards grow instead.
  static let maximumShards = 256

  /// Which tasks are multi-label, to read documents back.
  let multiLabel: [Bool]
  private let shards: [CacheFile]
  /// The documents in each shard.
  private(set) var shardDocuments: [Int]
  private var generator: SplitMix64

  /// Creates empty shards for about `estimatedWords` words of documents.
  ///
  /// - Throws: ``TrainingError/cache(directory:problem:)`` when a file cannot be created.
  init(
    estimatedWords: Int, directory: String, multiLabel: [Bool], seed: UInt64
  ) throws(TrainingError) {
    let count = min(
      Self.maximumShards,
      max(1, (estimatedWords * MemoryLayout<Int32>.stride + Self.shardBytes - 1) / Self.shardBytes))
    var shards: [CacheFile] = []
    for _ in 0..<count { shards.append(try CacheFile(directory: directory)) }
    self.shards = shards
    self.multiLabel = multiLabel
    shardDocuments = Array(repeating: 0, count: count)
    generator = SplitMix64(seed: seed, stream: .cacheShards)
  }

  /// The number of shards.
  var shardCount: Int { shards.count }

  /// The number of documents in all shards.
  var documentCount: Int { shardDocuments.reduce(0, +) }

  /// Appends a document to a random shard.
  func append(_ document: CachedDocument) throws(TrainingError) {
    let shard = Int(generator.next() % UInt64(shards.count))
    try document.write(to: shards[shard])
    shardDocuments[shard] += 1
  }

  /// Flushes every shard; call it once the last document is in.
  func finishWriting() throws(TrainingError) {
    for shard in shards { try shard.flush() }
  }

  /// Calls `body` with each document of `shard`, in the order they were written, or with
  /// its first `limit`, after passing over the first `skipping`.
  func forEachDocument(
    inShard shard: Int, skipping: Int = 0, limit: Int = .max,
    _ body: (borrowing CachedDocument) throws(TrainingError) -> Void
  ) throws(TrainingError) {
    var cursor = CacheCursor(shards[shard])
    var document = CachedDocument()
    for index in 0..<min(limit, shardDocuments[shard]) {
      try document.read(from: &cursor, multiLabel: multiLabel)
      if index >= skipping { try body(document) }
    }
  }
}
