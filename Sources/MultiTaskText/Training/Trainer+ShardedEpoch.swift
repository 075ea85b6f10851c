#if canImport(Glibc)
  import Glibc
#endif
import Dispatch
import Synchronization

/// The fixed decomposition of a reproducible epoch: how many shards a round has and how many
/// documents each trains, settled by the data and never by the thread count.
struct ShardPlan: Equatable {
  /// The most shards a round has: enough for four threads to balance uneven documents, few
  /// enough that a row every document uses takes at most eight stale updates a round.
  static let largestShardCount = 8
  /// Documents per shard and round, at least and at most.
  static let documentRange = 16...1024
  /// The feature occurrences a shard's round should hold at least, so barriers stay rare
  /// next to the work between them.
  static let featuresPerShard = 2048.0

  /// Shards per round.
  var shards: Int
  /// Documents per shard and round.
  var documentsPerShard: Int

  /// The plan for `set` with heads of `labelCounts` labels.
  ///
  /// A shard trains enough documents for about ``featuresPerShard`` feature occurrences, or
  /// more when copying and merging the heads (three passes over them a shard and round)
  /// would cost over a twentieth of its training (about two passes over each document's
  /// rows). A round is at most an eighth of the set, so a small set has fewer shards, down to
  /// one, which is exactly sequential SGD: a small set gains little from threads and would
  /// lose much from stale rows.
  init(set: TrainingSet, labelCounts: [Int], dimension: Int) {
    let documents = max(1, set.documentCount)
    let featuresPerDocument = max(1, Double(set.features.count) / Double(documents))
    let headValues = Double(labelCounts.reduce(0, +) * dimension)
    let forFeatures = Self.featuresPerShard / featuresPerDocument
    let forHeads = 20 * 3 * headValues / (2 * Double(dimension) * featuresPerDocument)
    let wanted = Int(max(forFeatures, forHeads).rounded(.up))
    documentsPerShard = min(Self.documentRange.upperBound, max(Self.documentRange.lowerBound, wanted))
    shards = min(Self.largestShardCount, max(1, documents / (8 * documentsPerShard)))
    // TUNING-ONLY (remove before commit)
    if let value = getenv("MTL_SHARD_PLAN") {
      let parts = String(cString: value).split(separator: ",").compactMap { Int($0) }
      if parts.count == 2 {
        shards = parts[0]
        documentsPerShard = parts[1]
      }
    }
  }
}

extension Trainer {
  /// Runs one reproducible epoch: the order is cut into rounds of ``ShardPlan/shards``
  /// shards (``ShardPlan``); the threads train a round's shards side by side (``ShardOverlay``), then merge
  /// them in shard order (``ShardMerge``). Each document's learning rate follows its place in
  /// the run and each shard draws its own negatives, so the model depends on the seed and the
  /// data alone.
  ///
  /// Length: the round loop holds the raw views of the set for the whole epoch.
  func runShardedEpoch<Strategy: LossWeightingStrategy>(
    _ context: EpochContext, parameters: SharedParameters, strategy: Strategy,
    shouldStop: @escaping @Sendable () -> Bool,
    onEvent: @escaping @Sendable (TrainingEvent) -> Void
  ) -> EpochOutcome {
    let set = context.set
    let plan = ShardPlan(
      set: set, labelCounts: parameters.labelCounts, dimension: parameters.dimension)
    let shardCount = plan.shards
    let roundSize = shardCount * plan.documentsPerShard
    let shards = (0..<shardCount).map {
      ShardOverlay(
        dimension: parameters.dimension, labelCounts: parameters.labelCounts,
        negatives: SGDWorker<Strategy>.negatives(
          parameters, stream: $0 + context.block * ShardPlan.largestShardCount))
    }
    let threads = min(context.threads, shardCount)
    let privateBuckets = parameters.hasPrivateTables ? parameters.privateBuckets : 0
    let indexes = (0..<threads).map { _ in
      ShardRowIndex(rows: context.embeddingRows, privateBuckets: privateBuckets)
    }
    let ownership = RowOwnership(rows: context.embeddingRows)
    var losses = EpochLosses(taskCount: set.taskCount)
    var reported = EpochLosses(taskCount: set.taskCount)
    var lastReport: ContinuousClock.Instant?
    return context.order.withUnsafeBufferPointer { order in
      set.features.withUnsafeBufferPointer { features in
        set.offsets.withUnsafeBufferPointer { offsets in
          set.labels.withUnsafeBufferPointer { labels in
            set.labelListValues.withUnsafeBufferPointer { listValues in
              set.labelListOffsets.withUnsafeBufferPointer { listOffsets in
                let inputs = ShardInputs(
                  order: order, features: features, offsets: offsets, labels: labels,
                  lists: LabelListView(values: listValues, offsets: listOffsets),
                  owners: ownership.owners)
                var roundStart = 0
                while roundStart < order.count {
                  if shouldStop() { return .stopped }
                  let roundEnd = min(order.count, roundStart + roundSize)
                  let ranges = (0..<shardCount).map {
                    ShardMerge.share(of: roundEnd - roundStart, part: $0, parts: shardCount)
                      .shifted(by: roundStart)
                  }
                  ownership.mark(shards: ranges, order: order, features: features, offsets: offsets)
                  Self.trainRound(
                    shards: shards, ranges: ranges, inputs: inputs, indexes: indexes,
                    parameters: parameters, context: context, strategy: Strategy.self)
                  for shard in shards {
                    switch shard.status {
                    case .diverged(let rate): return .diverged(learningRate: rate)
                    case .stopped: return .stopped
                    case .finished: break
                    }
                    losses.add(shard.losses)
                    reported.add(shard.losses)
                  }
                  roundStart = roundEnd
                  if lastReport.map({ $0.duration(to: .now) >= .milliseconds(200) }) ?? true {
                    lastReport = .now
                    onEvent(
                      .progress(
                        Self.progress(
                          context, stepsDone: context.stepsBefore + Double(roundEnd),
                          learningRate: context.rate(at: roundEnd), lossSums: reported.sums,
                          lossCounts: reported.counts)))
                    reported = EpochLosses(taskCount: set.taskCount)
                  }
                }
                return .finished(losses)
              }
            }
          }
        }
      }
    }
  }

  /// Trains a round's shards on `indexes.count` threads, each taking the next untrained
  /// shard, then merges them on as many.
  private static func trainRound<Strategy: LossWeightingStrategy>(
    shards: [ShardOverlay], ranges: [Range<Int>], inputs: ShardInputs, indexes: [ShardRowIndex],
    parameters: SharedParameters, context: EpochContext, strategy: Strategy.Type
  ) {
    let threads = indexes.count
    let next = Atomic<Int>(0)
    let train: @Sendable (Int) -> Void = { thread in
      while true {
        let shard = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard shard < shards.count else { return }
        trainShard(
          shards[shard], number: shard, positions: ranges[shard], inputs: inputs,
          index: indexes[thread], parameters: parameters, context: context,
          strategy: Strategy.self)
      }
    }
    let merge: @Sendable (Int) -> Void = { part in
      ShardMerge.merge(
        shards, into: parameters, rowCount: context.embeddingRows, part: part, of: threads)
    }
    if threads == 1 {
      train(0)
      merge(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: threads, execute: train)
      DispatchQueue.concurrentPerform(iterations: threads, execute: merge)
    }
  }

  /// Sequential SGD over one shard's documents of a round, from the parameters as the round
  /// found them plus the shard's own updates.
  private static func trainShard<Strategy: LossWeightingStrategy>(
    _ shard: ShardOverlay, number: Int, positions: Range<Int>, inputs: ShardInputs,
    index: ShardRowIndex, parameters: SharedParameters, context: EpochContext,
    strategy: Strategy.Type
  ) {
    shard.prepare(
      shard: Int32(number), positions: positions, inputs: inputs, index: index,
      shared: parameters)
    var worker = SGDWorker<Strategy>(
      parameters: shard.parameters(from: parameters, index: index), negatives: shard.negatives)
    let taskCount = context.set.taskCount
    shard.status = .finished
    for (local, position) in positions.enumerated() {
      let rate = context.rate(at: position)
      let document = Int(inputs.order[position])
      let start = shard.offsets[local]
      let finite = worker.step(
        features: UnsafeBufferPointer(
          start: shard.features.pointer + start, count: shard.offsets[local + 1] - start),
        labels: UnsafeBufferPointer(
          rebasing: inputs.labels[(document * taskCount)..<((document + 1) * taskCount)]),
        learningRate: Float(rate), lists: inputs.lists)
      if !finite {
        shard.status = .diverged(rate)
        break
      }
    }
    shard.negatives = worker.negatives
    shard.losses.sums = worker.lossSums
    shard.losses.counts = worker.lossCounts
    shard.finishRound(shared: parameters, index: index)
  }
}

extension EpochContext {
  /// The learning rate of the document at position `position` of this context's order: the
  /// rate decayed by the document's place in the whole run, or the epoch's rate.
  func rate(at position: Int) -> Double {
    guard decays else { return learningRate }
    return learningRate * max(0, 1 - (stepsBefore + Double(position)) / totalSteps)
  }
}

extension Range<Int> {
  /// The range moved up by `offset`.
  fileprivate func shifted(by offset: Int) -> Range<Int> {
    (lowerBound + offset)..<(upperBound + offset)
  }
}
