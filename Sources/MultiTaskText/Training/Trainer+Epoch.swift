import Dispatch

/// What one epoch needs to know, shared read-only by its workers.
struct EpochContext: @unchecked Sendable {
  let set: TrainingSet
  let order: [Int32]
  let epoch: Int
  let epochs: Int
  /// With automatic epochs, the earliest epoch the plateau rule can stop after; nil with a
  /// fixed number, which ends at `epochs`.
  var earliestLastEpoch: Int?
  /// The steps of the whole run before this context's first document: earlier epochs, and
  /// in a cached set, the earlier shards of this epoch.
  let stepsBefore: Double
  /// Which block of the epoch this is: 0 for a set in memory, the shard's place in the
  /// epoch for a cached one, so each block's workers draw their own negatives.
  var block = 0
  let learningRate: Double
  let totalSteps: Double
  /// Whether the rate decays linearly to 0 over `totalSteps` (fixed epochs) or stays at
  /// `learningRate` for the whole epoch (automatic epochs, which lower it on a plateau).
  let decays: Bool
  let threads: Int
  /// Whether the epoch runs in reproducible rounds of shards, or as Hogwild.
  let reproducible: Bool
  /// The packed embedding rows, the zero row included.
  let embeddingRows: Int
  /// The shards of a reproducible epoch; nil to choose them from the data.
  let shardPlan: ShardPlan?
  let start: ContinuousClock.Instant
  let averageTokens: Double
  /// The task names, for progress reports.
  let taskNames: [String]
}

/// Each task's summed loss and its number of terms, over an epoch or part of one.
struct EpochLosses: Sendable {
  var sums: [Double]
  var counts: [Int]

  init(taskCount: Int) {
    sums = Array(repeating: 0, count: taskCount)
    counts = Array(repeating: 0, count: taskCount)
  }

  /// Adds another part's losses.
  mutating func add(_ other: EpochLosses) {
    for task in sums.indices {
      sums[task] += other.sums[task]
      counts[task] += other.counts[task]
    }
  }

  /// Each task's mean loss, nil for a task without a term.
  var averages: [Double?] {
    sums.indices.map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : nil }
  }
}

enum EpochOutcome {
  case finished(EpochLosses)
  case diverged(learningRate: Double)
  case stopped
}

extension Trainer {
  /// Runs one epoch: in reproducible rounds of shards (`Trainer+ShardedEpoch`), or with
  /// `training.reproducible` off as Hogwild.
  func runEpoch<Strategy: LossWeightingStrategy>(
    _ context: EpochContext, parameters: SharedParameters, strategy: Strategy,
    shouldStop: @escaping @Sendable () -> Bool,
    onEvent: @escaping @Sendable (TrainingEvent) -> Void
  ) -> EpochOutcome {
    guard context.reproducible else {
      return runHogwildEpoch(
        context, parameters: parameters, strategy: strategy, shouldStop: shouldStop,
        onEvent: onEvent)
    }
    return runShardedEpoch(
      context, on: parameters, with: Strategy.self, stoppingWhen: shouldStop,
      reporting: onEvent)
  }

  /// Runs one Hogwild epoch: the order is split into one contiguous slice per thread, and
  /// each thread decays the learning rate by its own progress scaled to the whole run.
  private func runHogwildEpoch<Strategy: LossWeightingStrategy>(
    _ context: EpochContext, parameters: SharedParameters, strategy: Strategy,
    shouldStop: @escaping @Sendable () -> Bool,
    onEvent: @escaping @Sendable (TrainingEvent) -> Void
  ) -> EpochOutcome {
    let results = ResultSlots(count: context.threads)
    let work: @Sendable (Int) -> Void = { thread in
      results.store(
        Self.runSlice(
          context, thread: thread, parameters: parameters, strategy: Strategy.self,
          shouldStop: shouldStop,
          onEvent: onEvent),
        at: thread)
    }
    if context.threads == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: context.threads, execute: work)
    }
    var losses = EpochLosses(taskCount: context.set.taskCount)
    for slice in results.values {
      switch slice.status {
      case .diverged(let rate): return .diverged(learningRate: rate)
      case .stopped: return .stopped
      case .finished: break
      }
      for task in losses.sums.indices {
        losses.sums[task] += slice.lossSums[task]
        losses.counts[task] += slice.lossCounts[task]
      }
    }
    return .finished(losses)
  }

  private static func runSlice<Strategy: LossWeightingStrategy>(
    _ context: EpochContext, thread: Int, parameters: SharedParameters,
    strategy: Strategy.Type,
    shouldStop: @Sendable () -> Bool, onEvent: @Sendable (TrainingEvent) -> Void
  ) -> SliceResult {
    let count = context.order.count
    let begin = count * thread / context.threads
    let end = count * (thread + 1) / context.threads
    var worker = SGDWorker<Strategy>(
      parameters: parameters, thread: thread + context.block * context.threads)
    var epochSums = [Double](repeating: 0, count: context.set.taskCount)
    var epochCounts = [Int](repeating: 0, count: context.set.taskCount)
    let stepsBefore = context.stepsBefore
    // Every 256 documents the worker checks for a stop request, and thread 0 reports progress
    // if a fifth of a second has passed: frequent enough for a live line and a prompt Ctrl-C,
    // rare enough to cost nothing.
    let checkEvery = 256
    var lastReport: ContinuousClock.Instant?
    var rate = context.learningRate
    let taskCount = context.set.taskCount

    func collect() {
      for task in epochSums.indices {
        epochSums[task] += worker.lossSums[task]
        epochCounts[task] += worker.lossCounts[task]
      }
    }

    if shouldStop() {
      return SliceResult(status: .stopped, lossSums: epochSums, lossCounts: epochCounts)
    }
    let status: SliceResult.Status = context.set.features.withUnsafeBufferPointer { features in
      context.set.labelListValues.withUnsafeBufferPointer { listValues in
        context.set.labelListOffsets.withUnsafeBufferPointer { listOffsets in
          let lists = LabelListView(values: listValues, offsets: listOffsets)
          return context.set.labels.withUnsafeBufferPointer { labels in
            for position in begin..<end {
              let done = stepsBefore + Double(position - begin) * Double(context.threads)
              if context.decays {
                rate = context.learningRate * max(0, 1 - done / context.totalSteps)
              }
              let document = Int(context.order[position])
              let range = context.set.offsets[document]..<context.set.offsets[document + 1]
              let labelRange = (document * taskCount)..<((document + 1) * taskCount)
              let finite = worker.step(
                features: UnsafeBufferPointer(rebasing: features[range]),
                labels: UnsafeBufferPointer(rebasing: labels[labelRange]),
                learningRate: Float(rate),
                lists: lists)
              if !finite { return .diverged(rate) }
              if (position - begin + 1) % checkEvery == 0 {
                if shouldStop() { return .stopped }
                if thread == 0
                  && (lastReport.map { $0.duration(to: .now) >= .milliseconds(200) } ?? true)
                {
                  lastReport = .now
                  onEvent(
                    .progress(
                      Self.progress(
                        context, stepsDone: done + Double(context.threads), learningRate: rate,
                        lossSums: worker.lossSums, lossCounts: worker.lossCounts)))
                  collect()
                  worker.resetLosses()
                }
              }
            }
            return .finished
          }
        }
      }
    }
    collect()
    return SliceResult(status: status, lossSums: epochSums, lossCounts: epochCounts)
  }
}

extension Trainer {
  /// Thread 0's progress report, `stepsDone` steps into the run: the fraction done, the
  /// throughput and the mean loss since the last report.
  static func progress(
    _ context: EpochContext, stepsDone: Double, learningRate: Double, lossSums: [Double],
    lossCounts: [Int]
  ) -> TrainingProgress {
    let elapsed = context.start.duration(to: .now)
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return TrainingProgress(
      epoch: context.epoch, epochs: context.epochs,
      fraction: min(1, stepsDone / context.totalSteps), learningRate: learningRate,
      tokensPerSecond: seconds > 0 ? stepsDone * context.averageTokens / seconds : 0,
      averageLoss: TaskValues(
        tasks: context.taskNames,
        values: lossSums.indices.map {
          lossCounts[$0] > 0 ? lossSums[$0] / Double(lossCounts[$0]) : nil
        }),
      elapsedSeconds: seconds, earliestLastEpoch: context.earliestLastEpoch)
  }
}

struct SliceResult: Sendable {
  enum Status: Sendable {
    case finished
    case diverged(Double)
    case stopped
  }
  var status: Status
  var lossSums: [Double]
  var lossCounts: [Int]
}

/// One result slot per thread; each thread writes only its own slot.
final class ResultSlots: @unchecked Sendable {
  private var slots: [SliceResult?]
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func store(_ result: SliceResult, at index: Int) {
    slots.withUnsafeMutableBufferPointer { $0[index] = result }
  }
  var values: [SliceResult] { slots.compactMap { $0 } }
}
