#if canImport(Glibc)
  import Glibc
#endif

/// One thread's share of stochastic gradient descent over shared parameters.
///
/// The step is fastText's supervised update, generalized to several heads: average the
/// document's embedding rows into a hidden vector; for each task the document is labelled for,
/// score every label, take the softmax, and move each label row by
/// `rate × weight × (target − probability) × hidden` while accumulating the same coefficients
/// times the old rows into the task's gradient for the hidden vector; finally add the tasks'
/// gradients, divided by the feature count, to every embedding row the document used. Tasks
/// without a label are skipped, so they neither pull the shared rows nor touch their head.
///
/// The loss weighting strategy (``LossWeighting``) scales or projects each task's gradient,
/// and a shared-private encoder adds each task's private rows to its hidden vector. The
/// worker owns its scratch buffers and allocates nothing per step. Several workers may update
/// the same parameters at once (Hogwild); with one worker, results are reproducible.
struct SGDWorker {
  /// The learning rate of the uncertainty weights' log variances, relative to the main rate.
  static let uncertaintyRate: Float = 0.01

  let parameters: SharedParameters
  private let scratch: Scratch
  private var labelledTasks: [Int] = []
  /// Weighted loss and example count per task since the last reset.
  private(set) var lossSums: [Double]
  private(set) var lossCounts: [Int]

  init(parameters: SharedParameters) {
    self.parameters = parameters
    let tasks = parameters.labelCounts.count
    scratch = Scratch(dimension: parameters.dimension, labelCounts: parameters.labelCounts)
    labelledTasks.reserveCapacity(tasks)
    lossSums = Array(repeating: 0, count: tasks)
    lossCounts = Array(repeating: 0, count: tasks)
  }

  mutating func resetLosses() {
    for task in lossSums.indices {
      lossSums[task] = 0
      lossCounts[task] = 0
    }
  }

  /// Trains on one document. Returns false when the loss stopped being finite.
  mutating func step(
    features: UnsafeBufferPointer<Int32>, labels: UnsafeBufferPointer<Int32>, learningRate: Float
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
      let gradient = scratch.taskGradients + task * dimension
      let loss = trainHead(
        task: task, target: Int(labels[task]), features: features, gradient: gradient,
        learningRate: learningRate, inverseCount: inverseCount)
      if !loss.isFinite { finite = false }
      if parameters.weighting != .pcgrad {
        RowKernels.add(gradient, scale: 1, to: sharedGradient, count: dimension)
      }
    }
    if parameters.weighting == .pcgrad { projectConflicts(into: sharedGradient) }
    RowKernels.scale(sharedGradient, by: inverseCount, count: dimension)
    RowKernels.addToRows(
      sharedGradient, rows: features, of: parameters.embeddings, columns: dimension)
    if !sharedGradient[0].isFinite || !shared[0].isFinite { finite = false }
    return finite
  }

  /// Scores one task with the forward pass, updates its head (and private rows), and leaves
  /// its gradient with respect to the shared document vector in `gradient`. Returns the
  /// task's raw loss.
  private mutating func trainHead(
    task: Int, target: Int, features: UnsafeBufferPointer<Int32>,
    gradient: UnsafeMutablePointer<Float>, learningRate: Float, inverseCount: Float
  ) -> Float {
    let parameters = parameters
    let dimension = parameters.dimension
    let input = ForwardPass.input(
      ofTask: task, features: features, shared: scratch.forward.shared, with: parameters,
      scratch: scratch.forward.taskInput)
    var probabilities = scratch.forward.probabilities(count: parameters.labelCounts[task])
    ForwardPass.probabilities(ofTask: task, input: input, with: parameters, into: &probabilities)
    let loss = SoftmaxCrossEntropy.loss(
      probabilities: UnsafeBufferPointer(probabilities), target: target)

    var multiplier = parameters.epochMultipliers[task] * parameters.labelWeights[task][target]
    var varianceFactor: Float = 1
    if parameters.weighting == .uncertainty, let logVariances = parameters.logVariances {
      varianceFactor = exp(-logVariances[task])
      multiplier *= varianceFactor
    }
    gradient.update(repeating: 0, count: dimension)
    SoftmaxCrossEntropy.step(
      probabilities: UnsafeBufferPointer(probabilities), target: target,
      rate: learningRate * multiplier, headRate: parameters.headScales[task],
      head: parameters.heads[task], input: input, dimension: dimension,
      inputGradient: gradient)
    if parameters.hasPrivateTables {
      let table = parameters.privateTables[task]
      for id in features {
        let row = PrivateRows.row(of: id, buckets: parameters.privateBuckets)
        RowKernels.add(gradient, scale: inverseCount, to: table + row * dimension, count: dimension)
      }
    }
    if parameters.weighting == .uncertainty, let logVariances = parameters.logVariances {
      // d/ds of exp(−s)·L + s/2.
      let derivative = 0.5 - varianceFactor * loss
      logVariances[task] -= learningRate * Self.uncertaintyRate * derivative
    }
    lossSums[task] += Double(loss * parameters.labelWeights[task][target])
    lossCounts[task] += 1
    return loss
  }

  /// PCGrad on the document vector: each task's gradient loses its component along any other
  /// task's gradient it conflicts with (negative dot product), then they are summed into
  /// `sharedGradient`. Only tasks labelled in this document take part: another task's
  /// gradient is known exactly only where it has a label.
  private func projectConflicts(into sharedGradient: UnsafeMutablePointer<Float>) {
    let dimension = parameters.dimension
    let gradients = scratch.taskGradients
    let projected = scratch.forward.taskInput
    for task in labelledTasks {
      projected.update(from: gradients + task * dimension, count: dimension)
      for other in labelledTasks where other != task {
        let reference = UnsafePointer(gradients + other * dimension)
        let norm = RowKernels.dot(reference, reference, count: dimension)
        guard norm > 0 else { continue }
        let overlap = RowKernels.dot(projected, reference, count: dimension)
        if overlap < 0 {
          RowKernels.add(reference, scale: -overlap / norm, to: projected, count: dimension)
        }
      }
      RowKernels.add(projected, scale: 1, to: sharedGradient, count: dimension)
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
