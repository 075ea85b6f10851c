/// What the heads of a run need besides their rows: each task's ``TaskHead``, with the tree of
/// a hierarchical head and the negative sampler of a sampled-softmax head, built once from the
/// training label counts.
///
/// The trees are the ones the manifest's counts rebuild at prediction, so the trainer must use
/// the counts it writes into the manifest: those of the documents it trains on, after any
/// hold-out. This is where a task's configured ``HeadLoss`` (and type) picks its ``Head``.
struct HeadLosses {
  let losses: [HeadLoss]
  let heads: [TaskHead]

  init(tasks: [TaskSpecification], labelCounts: [[Int]]) {
    losses = tasks.map { $0.type == .multiLabel ? .softmax : $0.loss }
    heads = zip(tasks, labelCounts).map { task, counts in
      guard task.type != .multiLabel else { return .oneVersusAll(OneVersusAllHead()) }
      switch task.loss {
      case .softmax: return .softmax(SoftmaxHead())
      case .hierarchical: return .hierarchical(HierarchicalHead(tree: HuffmanTree(counts: counts)))
      case .sampled:
        return .sampled(
          SampledSoftmaxHead(
            sampler: NegativeSampler(counts: counts), negatives: HeadLoss.sampledNegatives))
      }
    }
  }

  /// Whether every head is a full softmax (or multi-label), so no head samples.
  var allSoftmax: Bool { losses.allSatisfy { $0 == .softmax } }

  /// Hands the heads to one epoch's parameters, with that epoch's negative seed.
  func configure(_ parameters: inout SharedParameters, epoch: Int, seed: UInt64) {
    parameters.taskHeads = heads
    guard !allSoftmax else { return }
    parameters.negativeSeed = SplitMix64.mix(seed &+ UInt64(epoch))
  }
}
