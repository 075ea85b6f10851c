extension Trainer {
  /// Runs one epoch over a set whose documents are in a disk cache.
  ///
  /// The shards come in a fresh random order from `generator`; each is loaded as an
  /// in-memory block and ordered by an ``EpochSchedule`` of its own, seeded from the same
  /// generator, so task sampling works within every shard as it does over a set in memory,
  /// and one seed still fixes the whole run. The learning rate decays over the documents of
  /// all shards, as if they were one epoch.
  ///
  /// - Parameters:
  ///   - set: The cached set.
  ///   - epoch: The epoch's number, from 1.
  ///   - generator: The ``SplitMix64/Stream/cacheOrder`` stream, carried across epochs.
  ///   - makeContext: The context of a block, its order and the run's steps before it.
  ///   - run: Trains one block.
  /// - Returns: The epoch's losses, or the first block's divergence or stop.
  /// - Throws: ``TrainingError/cache(directory:problem:)`` when a shard cannot be read.
  func runCachedEpoch(
    _ set: TrainingSet, epoch: Int, generator: inout SplitMix64,
    makeContext: (TrainingSet, [Int32], Double) -> EpochContext,
    run: (EpochContext) -> EpochOutcome
  ) throws(TrainingError) -> EpochOutcome {
    guard let cache = set.cache else { return .finished(EpochLosses(taskCount: set.taskCount)) }
    var shards = (0..<cache.shardCount).map { Int32($0) }
    generator.shuffle(&shards)
    var losses = EpochLosses(taskCount: set.taskCount)
    var done = 0
    for (place, shard) in shards.enumerated() {
      let block = try set.cachedBlock(Int(shard))
      guard block.documentCount > 0 else { continue }
      var schedule = EpochSchedule(
        sampling: training.sampling, set: block, seed: generator.next(), epochs: training.epochs,
        firstEpoch: epoch)
      let order = schedule.nextEpoch()
      let stepsBefore = Double(epoch - 1) * Double(set.documentCount) + Double(done)
      var context = makeContext(block, order, stepsBefore)
      context.block = place
      switch run(context) {
      case .finished(let part): losses.add(part)
      case let other: return other
      }
      done += order.count
    }
    return .finished(losses)
  }
}
