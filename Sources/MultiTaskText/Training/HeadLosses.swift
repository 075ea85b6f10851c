/// What the heads of a run need besides their rows: the tree of each hierarchical head and the
/// negative sampler of each sampled-softmax head, built once from the training label counts.
///
/// The trees are the ones the manifest's counts rebuild at prediction, so the trainer must use
/// the counts it writes into the manifest: those of the documents it trains on, after any
/// hold-out.
struct HeadLosses {
  let losses: [HeadLoss]
  let trees: [HuffmanTree?]
  let samplers: [NegativeSampler?]

  init(tasks: [TaskSpecification], labelCounts: [[Int]]) {
    losses = tasks.map { $0.type == .multiLabel ? .softmax : $0.loss }
    trees = zip(losses, labelCounts).map { loss, counts in
      loss == .hierarchical ? HuffmanTree(counts: counts) : nil
    }
    samplers = zip(losses, labelCounts).map { loss, counts in
      loss == .sampled ? NegativeSampler(counts: counts) : nil
    }
  }

  /// Whether every head is a full softmax (or multi-label), so nothing needs setting.
  var allSoftmax: Bool { losses.allSatisfy { $0 == .softmax } }

  /// Hands the heads' losses to one epoch's parameters, with that epoch's negative seed.
  func configure(_ parameters: inout SharedParameters, epoch: Int, seed: UInt64) {
    guard !allSoftmax else { return }
    parameters.losses = losses
    parameters.trees = trees
    parameters.samplers = samplers
    parameters.negativeSeed = SplitMix64.mix(seed &+ UInt64(epoch))
  }
}
