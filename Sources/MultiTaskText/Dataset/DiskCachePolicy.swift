/// How much of a corpus may stay in memory, and where and how the rest goes to disk.
///
/// The training set builder, its featurized output and the dataset factory all follow the
/// same three settings, so they travel together: past half of ``memoryBudget`` the
/// provisional tokens, and past the other half the features, move to unlinked files in
/// ``directory``, spread over shards by ``seed``.
public struct DiskCachePolicy: Sendable, Equatable {
  /// The bytes the corpus may take in memory; nil for no limit (nothing goes to disk).
  public var memoryBudget: Int?
  /// Where the caches' (unlinked) files are made.
  public var directory: String
  /// The training seed, which spreads cached documents over the cache's shards.
  public var seed: UInt64

  /// Creates a policy.
  ///
  /// - Parameters:
  ///   - memoryBudget: Bytes the corpus may take in memory; nil, the default, for no limit.
  ///   - directory: Where a corpus past the budget is cached.
  ///   - seed: The training seed.
  public init(
    memoryBudget: Int? = nil, directory: String = TrainingConfiguration.defaultCacheDirectory,
    seed: UInt64 = 1
  ) {
    self.memoryBudget = memoryBudget
    self.directory = directory
    self.seed = seed
  }
}
