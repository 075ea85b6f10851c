import Synchronization

/// Predictors for one model, each lent to one thread at a time: the one pool that `mtl
/// predict`, the server and the C API draw from.
///
/// A ``Predictor`` owns its text pipeline and scratch buffers and is not thread-safe, while
/// the model is an immutable value any number of predictors share. The pool keeps the idle
/// predictors, lends one per call, and makes a new one when every predictor is busy, so it
/// grows to the number of threads that predicted at once and no further. Each predictor
/// comes with an output buffer that keeps its capacity between calls, so a busy pool
/// allocates nothing per document.
public final class PredictorPool: Sendable {
  /// The model every predictor runs.
  public let model: MultiTaskModel
  private let idle: Mutex<[PooledPredictor]>

  /// Prepares `count` predictors for `model`, at least one, so a model whose text pipeline
  /// cannot open fails here rather than at its first document.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - count: How many predictors to make now; more are made when that many are busy.
  /// - Throws: ``ModelError`` when ICU cannot open the model's text pipeline or its feature
  ///   settings are invalid.
  public init(model: MultiTaskModel, count: Int = 1) throws(ModelError) {
    var predictors: [PooledPredictor] = []
    for _ in 0..<max(1, count) { predictors.append(PooledPredictor(try Predictor(model: model))) }
    self.model = model
    idle = Mutex(predictors)
  }

  /// How many predictors are idle now; for tests and metrics.
  public var idleCount: Int { idle.withLock { $0.count } }

  /// Runs `body` with a predictor no other thread is using, and takes it back afterwards.
  ///
  /// - Parameters:
  ///   - body: The work; the predictor is the caller's only during the call.
  ///   - unavailable: Turns the ``ModelError`` of a predictor that could not be made (every
  ///     one was busy, and ICU refused another) into the caller's failure.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws, or what `unavailable` makes.
  public func withPredictor<Result, Failure: Error>(
    _ body: (PooledPredictor) throws(Failure) -> Result,
    unavailable: (ModelError) -> Failure
  ) throws(Failure) -> Result {
    let pooled: PooledPredictor
    if let borrowed = idle.withLock({ $0.popLast() }) {
      pooled = borrowed
    } else {
      do { pooled = PooledPredictor(try Predictor(model: model)) } catch {
        throw unavailable(error)
      }
    }
    defer { idle.withLock { $0.append(pooled) } }
    return try body(pooled)
  }
}

/// One predictor and the output buffer it fills, lent by a ``PredictorPool`` to one thread
/// at a time.
///
/// Unchecked because the pool hands each one to a single borrower at a time and nothing else
/// holds it while it is lent.
public final class PooledPredictor: @unchecked Sendable {
  /// The predictor, with its scratch buffers.
  public let predictor: Predictor
  /// Answers written by the borrower; it keeps its capacity from one call to the next.
  public var output: [UInt8] = []

  init(_ predictor: Predictor) {
    self.predictor = predictor
    output.reserveCapacity(64 * 1024)
  }
}
