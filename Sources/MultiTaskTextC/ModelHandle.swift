import Glibc
import MultiTaskText

/// What an `mtl_model *` points to: a loaded model, its names as C strings, and the
/// library's pool of predictors.
///
/// A ``Predictor`` owns scratch buffers and is not thread-safe, so each call (and each thread
/// of a call with `threads` > 1) borrows one from the ``PredictorPool``, which makes one when
/// every predictor is busy. Hosts may therefore share one handle between threads (Python
/// releases the GIL during ctypes calls, so threads really run in parallel), and the pool
/// grows only to the number of threads that predicted at once.
final class ModelHandle {
  /// The model.
  let model: MultiTaskModel
  /// The path it was loaded from, which formatter errors name as `mtl predict` does.
  let path: String
  /// Task names, NUL-terminated, owned by the handle.
  let taskNames: [UnsafeMutablePointer<CChar>]
  /// Label names per task, NUL-terminated, owned by the handle.
  let labelNames: [[UnsafeMutablePointer<CChar>]]
  /// The predictors every call borrows from.
  let pool: PredictorPool

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
    pool = try PredictorPool(model: model)
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

  /// Runs `body` over the chunks of `count` documents on up to `threads` threads, each
  /// with a predictor of its own, and returns the chunks' results in document order.
  func run<Result>(
    count: Int, threads: Int32, _ body: (PooledPredictor, Range<Int>) throws(CFailure) -> Result
  ) throws(CFailure) -> [Result] {
    try ParallelPrediction(pool: pool, threads: Int(threads)).run(
      count: count, body,
      unavailable: { CFailure($0) })
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
