/// The order of training documents in each epoch, drawn from the sampling stream.
///
/// `proportional` visits every document once per epoch in a fresh shuffle, which draws tasks
/// in proportion to their sizes. `temperature` and `uniform` draw a task for each step from a
/// ``TaskSampler`` and take that task's next document from its own shuffled queue, reshuffled
/// whenever it runs out; an epoch has as many steps as there are documents.
struct EpochSchedule {
  private let sampling: TaskSampling
  private let documentCount: Int
  private let documentsByTask: [[Int32]]
  private var sampler: TaskSampler
  private let epochs: Int
  private var epoch = 0
  private var queues: [[Int32]]
  private var positions: [Int]
  private var generator: SplitMix64

  /// Plans the epochs of `set`; `firstEpoch` is the number of the epoch the first
  /// ``nextEpoch()`` plans, which annealed sampling needs when one schedule is made per
  /// shard of a disk cache.
  init(
    sampling: TaskSampling, set: TrainingSet, seed: UInt64, epochs: Int = 1, firstEpoch: Int = 1
  ) {
    self.epochs = epochs
    epoch = firstEpoch - 1
    self.sampling = sampling
    documentCount = set.documentCount
    documentsByTask = set.documentsByTask()
    sampler = TaskSampler(sampling: sampling, sizes: documentsByTask.map(\.count))
    queues = documentsByTask
    positions = documentsByTask.map(\.count)
    generator = SplitMix64(seed: seed, stream: .sampling)
  }

  /// The next epoch's document order.
  mutating func nextEpoch() -> [Int32] {
    epoch += 1
    if case .annealed = sampling {
      sampler = TaskSampler(
        sampling: sampling, sizes: documentsByTask.map(\.count), epoch: epoch, epochs: epochs)
    }
    if case .proportional = sampling {
      var order = (0..<documentCount).map { Int32($0) }
      generator.shuffle(&order)
      return order
    }
    var order: [Int32] = []
    order.reserveCapacity(documentCount)
    for _ in 0..<documentCount {
      let task = sampler.next(using: &generator)
      if positions[task] >= queues[task].count {
        generator.shuffle(&queues[task])
        positions[task] = 0
      }
      order.append(queues[task][positions[task]])
      positions[task] += 1
    }
    return order
  }
}
