/// One thread's share of stochastic gradient descent over shared parameters.
///
/// The step is fastText's supervised update, generalized to several heads: average the
/// document's embedding rows into a hidden vector; for each task the document is labelled for,
/// let the task's ``Head`` take its step (for a softmax head: score every label, take the
/// softmax, and move each label row by
/// `rate × weight × (target − probability) × hidden` while accumulating the same coefficients
/// times the old rows into the task's gradient for the hidden vector); finally add the tasks'
/// gradients, divided by the feature count, to every embedding row the document used. Tasks
/// without a label are skipped, so they neither pull the shared rows nor touch their head.
///
/// The loss weighting strategy (`Strategy`, one of ``LossWeighting``'s types) scales or
/// projects each task's gradient, and the worker is generic over it so that each strategy's
/// step compiles to its own loop;
/// and a shared-private encoder adds each task's private rows to its hidden vector. The
/// worker owns its scratch buffers and allocates nothing per step. In a reproducible epoch
/// each worker trains one shard of a round, whose rows shared with other shards sit in an
/// overlay (``SharedParameters/overlay``); with Hogwild, several workers update the same
/// parameters at once.
struct SGDWorker<Strategy: LossWeightingStrategy> {
  let parameters: SharedParameters
  let scratch: Scratch
  /// The negatives of sampled-softmax heads; a stream of its own per epoch and thread.
  var negatives: SplitMix64
  private var labelledTasks: [Int] = []
  /// Weighted loss and example count per task since the last reset.
  private(set) var lossSums: [Double]
  private(set) var lossCounts: [Int]

  init(parameters: SharedParameters, thread: Int = 0) {
    self.init(parameters: parameters, negatives: Self.negatives(parameters, stream: thread))
  }

  /// A worker that draws its negatives from `negatives`.
  init(parameters: SharedParameters, negatives: SplitMix64) {
    self.parameters = parameters
    self.negatives = negatives
    let tasks = parameters.labelCounts.count
    scratch = Scratch(dimension: parameters.dimension, labelCounts: parameters.labelCounts)
    labelledTasks.reserveCapacity(tasks)
    lossSums = Array(repeating: 0, count: tasks)
    lossCounts = Array(repeating: 0, count: tasks)
  }

  /// Negative stream number `stream` of an epoch (a thread's with Hogwild, a shard's in a
  /// reproducible epoch).
  static func negatives(_ parameters: SharedParameters, stream: Int) -> SplitMix64 {
    SplitMix64(seed: parameters.negativeSeed &+ UInt64(stream) &* 0x9E37_79B9, stream: .negatives)
  }

  mutating func resetLosses() {
    for task in lossSums.indices {
      lossSums[task] = 0
      lossCounts[task] = 0
    }
  }

  /// Trains on one document. Returns false when the loss stopped being finite.
  mutating func step(
    features: UnsafeBufferPointer<Int32>, labels: UnsafeBufferPointer<Int32>, learningRate: Float,
    lists: LabelListView = .empty
  ) -> Bool {
    guard !features.isEmpty else { return true }
    labelledTasks.removeAll(keepingCapacity: true)
    for task in 0..<labels.count where labels[task] >= 0 && parameters.active[task] {
      labelledTasks.append(task)
    }
    guard !labelledTasks.isEmpty else { return true }
    let parameters = parameters
    let dimension = parameters.dimension
    let inverseCount = 1 / Float(features.count)
    var finite = true

    let shared = scratch.forward.shared
    let sharedGradient = scratch.sharedGradient
    ForwardPass.encode(features, with: parameters, into: shared)
    sharedGradient.update(repeating: 0, count: dimension)

    for task in labelledTasks {
      let loss = trainTask(
        task, labels: labels, lists: lists, features: features,
        gradient: scratch.taskGradients + task * dimension, learningRate: learningRate,
        inverseCount: inverseCount)
      if !loss.isFinite { finite = false }
    }
    Strategy.combine(
      tasks: labelledTasks, gradients: scratch.taskGradients, into: sharedGradient,
      dimension: dimension, scratch: scratch.forward.taskInput)
    RowKernels.scale(sharedGradient, by: inverseCount, count: dimension)
    if let adaptive = parameters.adaptive {
      // Each row its own rate; the gradient carries no learning rate in this mode. Every row
      // of the document gets the same gradient, so its mean square is computed once.
      let meanSquare =
        RowKernels.dot(sharedGradient, sharedGradient, count: dimension) / Float(dimension)
      for id in features {
        let square = parameters.embeddingSquare(id, in: adaptive)
        square.pointee += meanSquare
        RowKernels.add(
          sharedGradient, scale: learningRate / square.pointee.squareRoot(),
          to: parameters.embeddingRow(id), count: dimension)
      }
    } else if parameters.overlay == nil {
      RowKernels.addToRows(
        sharedGradient, rows: features, of: parameters.embeddings, columns: dimension)
    } else {
      for id in features {
        RowKernels.add(sharedGradient, scale: 1, to: parameters.embeddingRow(id), count: dimension)
      }
    }
    if !sharedGradient[0].isFinite || !shared[0].isFinite { finite = false }
    return finite
  }

  /// Trains task `task`'s head on the document with the head's own step (its ``Head``),
  /// updates the task's private rows, and leaves the task's gradient with respect to the
  /// shared document vector in `gradient`. Returns the task's raw loss.
  ///
  /// A single label's loss is weighted by the task's weight times the label's class weight;
  /// a list of labels (a multi-label task) by the task's weight alone.
  private mutating func trainTask(
    _ task: Int, labels: UnsafeBufferPointer<Int32>, lists: LabelListView,
    features: UnsafeBufferPointer<Int32>, gradient: UnsafeMutablePointer<Float>,
    learningRate: Float, inverseCount: Float
  ) -> Float {
    let parameters = parameters
    let dimension = parameters.dimension
    let head = parameters.taskHeads[task]
    let input = ForwardPass.input(
      ofTask: task, features: features, shared: scratch.forward.shared, with: parameters,
      scratch: scratch.forward.taskInput)
    let targets: UnsafeBufferPointer<Int32>
    let weight: Float
    if head.readsLabelLists {
      targets = lists.list(labels[task])
      weight = parameters.taskWeights[task]
    } else {
      targets = UnsafeBufferPointer(rebasing: labels[task...task])
      weight = parameters.labelWeights[task][Int(labels[task])]
    }
    let factor = Strategy.stepFactor(task: task, parameters: parameters)
    gradient.update(repeating: 0, count: dimension)
    let update = HeadUpdate(
      rows: parameters.heads[task], squares: parameters.adaptive?.heads[task], input: input,
      inputGradient: gradient, dimension: dimension, learningRate: learningRate,
      headRate: parameters.headScales[task],
      weight: parameters.epochMultipliers[task] * weight * factor)
    let loss = head.train(
      ofTask: task, targets: targets, update: update, with: parameters,
      scratch: scratch.forward, generator: &negatives)
    if parameters.hasPrivateTables {
      updatePrivateRows(
        task: task, features: features, gradient: gradient, learningRate: learningRate,
        inverseCount: inverseCount)
    }
    Strategy.finishStep(
      task: task, loss: loss, factor: factor, learningRate: learningRate, parameters: parameters)
    lossSums[task] += Double(loss * weight)
    lossCounts[task] += 1
    return loss
  }

  /// Moves task `task`'s private rows by its gradient over the feature count: as it is with
  /// SGD (whose gradient already carries the rate), or at each row's AdaGrad rate.
  private func updatePrivateRows(
    task: Int, features: UnsafeBufferPointer<Int32>, gradient: UnsafeMutablePointer<Float>,
    learningRate: Float, inverseCount: Float
  ) {
    let dimension = parameters.dimension
    guard let adaptive = parameters.adaptive else {
      for id in features {
        let row = parameters.privateRowPointer(parameters.privateRow(ofFeature: id), ofTask: task)
        RowKernels.add(gradient, scale: inverseCount, to: row, count: dimension)
      }
      return
    }
    let meanSquare =
      RowKernels.dot(gradient, gradient, count: dimension) / Float(dimension)
      * inverseCount * inverseCount
    for id in features {
      let row = parameters.privateRow(ofFeature: id)
      let square = parameters.privateSquare(row, ofTask: task, in: adaptive)
      square.pointee += meanSquare
      let rate = learningRate * inverseCount / square.pointee.squareRoot()
      RowKernels.add(
        gradient, scale: rate, to: parameters.privateRowPointer(row, ofTask: task),
        count: dimension)
    }
  }
}

/// A worker's scratch buffers, allocated once: the hot loop allocates nothing.
final class Scratch {
  /// The forward pass's buffers: the shared vector, a task's input, the probabilities.
  let forward: ForwardScratch
  let sharedGradient: UnsafeMutablePointer<Float>
  let taskGradients: UnsafeMutablePointer<Float>
  private let gradientCount: Int

  init(dimension: Int, labelCounts: [Int]) {
    forward = ForwardScratch(dimension: dimension, labels: labelCounts.max() ?? 1)
    gradientCount = dimension * max(1, labelCounts.count)
    sharedGradient = .allocate(capacity: max(1, dimension))
    sharedGradient.initialize(repeating: 0, count: max(1, dimension))
    taskGradients = .allocate(capacity: max(1, gradientCount))
    taskGradients.initialize(repeating: 0, count: max(1, gradientCount))
  }

  deinit {
    sharedGradient.deallocate()
    taskGradients.deallocate()
  }
}
