import Glibc
import MultiTaskText
import Synchronization

/// What an `mtl_model *` points to: a loaded model, its names as C strings, and a pool of
/// predictors.
///
/// A ``Predictor`` owns scratch buffers and is not thread-safe, so each call borrows one from
/// the pool, creating one when every predictor is busy, and gives it back afterwards. Hosts
/// may therefore share one handle between threads (Python releases the GIL during ctypes
/// calls, so threads really run in parallel), and the pool grows only to the number of
/// threads that called at once.
final class ModelHandle {
  /// The model.
  let model: MultiTaskModel
  /// The path it was loaded from, which formatter errors name as `mtl predict` does.
  let path: String
  /// Task names, NUL-terminated, owned by the handle.
  let taskNames: [UnsafeMutablePointer<CChar>]
  /// Label names per task, NUL-terminated, owned by the handle.
  let labelNames: [[UnsafeMutablePointer<CChar>]]
  private let idle: Mutex<[PooledPredictor]>

  /// Loads the model at `path` and prepares one predictor, so a model whose text pipeline
  /// cannot open fails here and not at the first prediction.
  init(path: String) throws {
    let model = try ModelFile.read(path: path)
    self.model = model
    self.path = path
    taskNames = model.manifest.tasks.map { strdup($0.name) ?? Self.emptyString() }
    labelNames = model.manifest.tasks.map { task in
      task.labels.labels.map { strdup($0) ?? Self.emptyString() }
    }
    idle = Mutex([PooledPredictor(predictor: try Predictor(model: model))])
  }

  deinit {
    for name in taskNames { free(name) }
    for labels in labelNames { for name in labels { free(name) } }
  }

  private static func emptyString() -> UnsafeMutablePointer<CChar> {
    let empty = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    empty.initialize(to: 0)
    return empty
  }

  /// Runs `body` with a predictor no other thread is using.
  func withPredictor<Result>(_ body: (PooledPredictor) throws -> Result) throws -> Result {
    let borrowed = idle.withLock { $0.popLast() }
    let pooled = try borrowed ?? PooledPredictor(predictor: try Predictor(model: model))
    defer { idle.withLock { $0.append(pooled) } }
    return try body(pooled)
  }

  /// The handle behind a pointer the host passed, or a failure for NULL.
  static func from(_ pointer: OpaquePointer?) throws(CFailure) -> ModelHandle {
    guard let pointer else { throw .invalidArgument("model must not be NULL") }
    return Unmanaged<ModelHandle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
  }

  /// Checks a task index from the host.
  func checkTask(_ task: Int32) throws(CFailure) -> Int {
    guard task >= 0, Int(task) < taskNames.count else {
      throw .invalidArgument(
        "task index \(task) is out of range: the model has \(taskNames.count) task(s)")
    }
    return Int(task)
  }
}

/// One predictor and the output buffer it fills, lent to one call at a time.
///
/// Unchecked because the pool hands each one to a single thread at a time; nothing else holds
/// it.
final class PooledPredictor: @unchecked Sendable {
  let predictor: Predictor
  var output: [UInt8] = []

  init(predictor: Predictor) { self.predictor = predictor }
}
