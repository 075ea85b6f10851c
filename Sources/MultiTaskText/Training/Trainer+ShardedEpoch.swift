import Dispatch
import Synchronization

/// The fixed decomposition of a reproducible epoch: how many shards a round has and how many
/// documents each trains, settled by the data and never by the thread count.
///
/// Chosen on the shared corpora (`BENCHMARKS.md`, issue 23): four shards of 16 to 32
/// documents kept the mean accuracy of `Benchmarks/accuracy_defaults.py` over three seeds,
/// where rounds of several hundred short documents lost a point or two on sst2; the copies and
/// merges of the shared rows cost about a fifth of one thread's training time on
/// twenty_newsgroups whatever the round size in that range.
struct ShardPlan: Equatable {
  /// The most shards a round has: enough for two to four threads to share a round evenly,
  /// few enough that a row every document uses is at most three shards' updates stale.
  static let largestShardCount = 4
  /// Documents per shard and round for the features, at least and at most: short documents
  /// take more of them, so that a round is worth its two barriers.
  static let documentRange = 16...32
  /// The feature occurrences a shard's round should hold, within ``documentRange``.
  static let featuresPerShard = 8192.0
  /// The most documents per shard and round that large heads may ask for.
  static let largestDocumentCount = 1024

  /// Shards per round.
  let shards: Int
  /// Documents per shard and round.
  let documentsPerShard: Int

  /// The plan for `set` with heads of `labelCounts` labels.
  ///
  /// A shard trains enough documents for about ``featuresPerShard`` feature occurrences
  /// (within ``documentRange``), or more when copying and merging the heads (three passes
  /// over them a shard and round) would cost over a twentieth of its training (about two
  /// passes over each document's rows). A round is at most a thirty-second of the set, so a
  /// small set has fewer shards, down to one (below about 2,000 documents), which is exactly
  /// sequential SGD: a small set gains little from threads and would lose accuracy from
  /// stale rows (three seeds of the nine smaller shared corpora lost 0.36 points on average
  /// with four shards).
  init(set: TrainingSet, labelCounts: [Int], dimension: Int) {
    let documents = max(1, set.documentCount)
    let featuresPerDocument = max(1, Double(set.features.count) / Double(documents))
    let forFeatures = min(
      Double(Self.documentRange.upperBound),
      max(Double(Self.documentRange.lowerBound), Self.featuresPerShard / featuresPerDocument))
    let headValues = Double(labelCounts.reduce(0, +) * dimension)
    let forHeads = 20 * 3 * headValues / (2 * Double(dimension) * featuresPerDocument)
    documentsPerShard = min(
      Self.largestDocumentCount, Int(max(forFeatures, forHeads).rounded(.up)))
    shards = min(Self.largestShardCount, max(1, documents / (32 * documentsPerShard)))
  }

  /// A plan of `shards` shards of `documentsPerShard` documents, whatever the data.
  init(shards: Int, documentsPerShard: Int) {
    self.shards = max(1, min(RowOwnership.largestShardCount, shards))
    self.documentsPerShard = max(1, documentsPerShard)
  }
}

extension Trainer {
  /// Runs one reproducible epoch: the order is cut into rounds of shards (``ShardPlan``);
  /// the threads train a round's shards side by side (``ShardOverlay``), then merge them in
  /// shard order (``ShardMerge``). Each document's learning rate follows its place in the run
  /// and each shard draws its own negatives, so the model depends on the seed and the data
  /// alone.
  ///
  /// Length: the round loop holds the raw views of the set for the whole epoch.
  func runShardedEpoch<Strategy: LossWeightingStrategy>(
    _ context: EpochContext, on parameters: SharedParameters, with strategy: Strategy.Type,
    stoppingWhen shouldStop: () -> Bool, reporting onEvent: (TrainingEvent) -> Void
  ) -> EpochOutcome {
    let set = context.set
    let plan =
      context.shardPlan
      ?? ShardPlan(set: set, labelCounts: parameters.labelCounts, dimension: parameters.dimension)
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
                  lists: LabelListView(values: listValues, offsets: listOffsets))
                let round = ShardRound(
                  shards: shards, inputs: inputs, indexes: indexes, ownership: ownership,
                  parameters: parameters, context: context, roundSize: roundSize)
                let first = round.ranges(from: 0)
                ownership.startRound()
                Self.inParallel(threads) { part in
                  ownership.mark(shards: first, inputs: inputs, part: part, of: threads)
                }
                var ranges = first
                while let roundEnd = ranges.last?.upperBound {
                  if shouldStop() { return .stopped }
                  ranges = round.train(ranges, strategy: Strategy.self)
                  for shard in shards {
                    switch shard.status {
                    case .diverged(let rate): return .diverged(learningRate: rate)
                    case .stopped: return .stopped
                    case .finished: break
                    }
                    losses.add(shard.losses)
                    reported.add(shard.losses)
                  }
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

  /// Runs `work` for parts 0 through `threads − 1`, side by side when there are several.
  static func inParallel(_ threads: Int, _ work: @Sendable (Int) -> Void) {
    if threads == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: threads, execute: work)
    }
  }
}

/// What every round of a reproducible epoch shares: the shards, the threads' maps, the row
/// owners and the epoch's data and parameters.
struct ShardRound: @unchecked Sendable {
  let shards: [ShardOverlay]
  let inputs: ShardInputs
  let indexes: [ShardRowIndex]
  let ownership: RowOwnership
  let parameters: SharedParameters
  let context: EpochContext
  let roundSize: Int

  /// The shards' positions in the round that starts at position `start` of the order, empty
  /// past the end: consecutive runs of documents with about equal numbers of features, so the
  /// shards take about equal time.
  func ranges(from start: Int) -> [Range<Int>] {
    guard start < inputs.order.count else { return [] }
    let end = min(inputs.order.count, start + roundSize)
    func features(at position: Int) -> Int {
      let document = Int(inputs.order[position])
      return inputs.offsets[document + 1] - inputs.offsets[document]
    }
    var total = 0
    for position in start..<end { total += features(at: position) }
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(shards.count)
    var lower = start
    var position = start
    var done = 0
    for shard in 0..<shards.count {
      // Shard `shard` ends where the features reach its share of the round's, and keeps at
      // least one document when one is left for each later shard.
      let target = total * (shard + 1) / shards.count
      let latest = end - (shards.count - 1 - shard)
      while position < latest && (done < target || position == lower) {
        done += features(at: position)
        position += 1
      }
      if shard == shards.count - 1 { position = end }
      ranges.append(lower..<max(lower, position))
      lower = max(lower, position)
    }
    return ranges
  }

  /// Trains the round of shards `ranges` on the threads, each taking the next untrained
  /// shard; then, split by rows, merges it and marks the next round's owners. Returns the
  /// next round's ranges.
  func train<Strategy: LossWeightingStrategy>(
    _ ranges: [Range<Int>], strategy: Strategy.Type
  ) -> [Range<Int>] {
    let threads = indexes.count
    let next = Atomic<Int>(0)
    Trainer.inParallel(threads) { thread in
      while true {
        let shard = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard shard < shards.count else { return }
        Trainer.trainShard(
          shards[shard], number: shard, positions: ranges[shard], round: self,
          index: indexes[thread], strategy: Strategy.self)
      }
    }
    let following = self.ranges(from: ranges.last?.upperBound ?? inputs.order.count)
    if !following.isEmpty { ownership.startRound() }
    Trainer.inParallel(threads) { part in
      ShardMerge.merge(
        shards, into: parameters, rowCount: context.embeddingRows, part: part, of: threads)
      if !following.isEmpty {
        ownership.mark(shards: following, inputs: inputs, part: part, of: threads)
      }
    }
    return following
  }
}

extension Trainer {
  /// Sequential SGD over one shard's documents of a round, from the parameters as the round
  /// found them plus the shard's own updates.
  static func trainShard<Strategy: LossWeightingStrategy>(
    _ shard: ShardOverlay, number: Int, positions: Range<Int>, round: ShardRound,
    index: ShardRowIndex, strategy: Strategy.Type
  ) {
    let inputs = round.inputs
    let parameters = round.parameters
    let context = round.context
    shard.prepare(
      shard: number, positions: positions, inputs: inputs, ownership: round.ownership,
      index: index, shared: parameters)
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
