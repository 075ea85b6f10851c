/// What a loss weighting strategy may change in training, in one protocol: each strategy is
/// one type in its own file, and adding one touches that file, a case of ``LossWeighting``
/// and one test.
///
/// The hooks fall into two kinds. Epoch hooks (``epochMultipliers()``,
/// ``record(epochLosses:)``) run once per epoch on the strategy's own state. Step hooks are
/// static, because they run for every labelled task of every document: the worker is generic
/// over the strategy, so each strategy's step is compiled into its own specialized loop and a
/// hook that does nothing costs nothing. Every hook has a default that leaves training as
/// plain fixed weighting.
protocol LossWeightingStrategy: SendableMetatype {
  /// Starts the strategy's state for `taskCount` tasks.
  init(taskCount: Int)

  /// Each task's loss multiplier for the coming epoch; nil for 1 everywhere.
  func epochMultipliers() -> [Float]?

  /// Records an epoch's average loss per task (nil for a task that saw no example).
  mutating func record(epochLosses: [Double?])

  /// The factor on task `task`'s loss in this step, on top of its weights.
  static func stepFactor(task: Int, parameters: SharedParameters) -> Float

  /// Called after task `task`'s step with its raw loss and the factor it was given.
  static func finishStep(
    task: Int, loss: Float, factor: Float, learningRate: Float, parameters: SharedParameters)

  /// Adds the labelled tasks' gradients, each `dimension` floats at `gradients + task ×
  /// dimension`, into `shared`; `scratch` is a free vector of `dimension` floats.
  static func combine(
    tasks: [Int], gradients: UnsafeMutablePointer<Float>, into shared: UnsafeMutablePointer<Float>,
    dimension: Int, scratch: UnsafeMutablePointer<Float>)

  /// Runs one epoch of `trainer` with this strategy. A requirement, with a default, so that
  /// the call made on the trainer's `any LossWeightingStrategy` lands in code specialized for
  /// the concrete strategy: the hot loop then calls its hooks directly, not through a witness
  /// table.
  func runEpoch(
    of trainer: Trainer, _ context: EpochContext, parameters: SharedParameters,
    shouldStop: @escaping @Sendable () -> Bool,
    onEvent: @escaping @Sendable (TrainingEvent) -> Void
  ) -> EpochOutcome
}

extension LossWeightingStrategy {
  func runEpoch(
    of trainer: Trainer, _ context: EpochContext, parameters: SharedParameters,
    shouldStop: @escaping @Sendable () -> Bool,
    onEvent: @escaping @Sendable (TrainingEvent) -> Void
  ) -> EpochOutcome {
    trainer.runEpoch(
      context, parameters: parameters, strategy: self, shouldStop: shouldStop, onEvent: onEvent)
  }

  func epochMultipliers() -> [Float]? { nil }

  mutating func record(epochLosses: [Double?]) {}

  @inline(__always)
  static func stepFactor(task: Int, parameters: SharedParameters) -> Float { 1 }

  @inline(__always)
  static func finishStep(
    task: Int, loss: Float, factor: Float, learningRate: Float, parameters: SharedParameters
  ) {}

  /// The plain sum, in task order.
  @inline(__always)
  static func combine(
    tasks: [Int], gradients: UnsafeMutablePointer<Float>, into shared: UnsafeMutablePointer<Float>,
    dimension: Int, scratch: UnsafeMutablePointer<Float>
  ) {
    for task in tasks {
      RowKernels.add(gradients + task * dimension, scale: 1, to: shared, count: dimension)
    }
  }
}

extension LossWeighting {
  /// The type that implements the strategy.
  var strategy: any LossWeightingStrategy.Type {
    switch self {
    case .fixed: return FixedWeighting.self
    case .uncertainty: return UncertaintyWeighting.self
    case .dynamic: return DynamicWeighting.self
    case .pcgrad: return PCGradWeighting.self
    }
  }
}
