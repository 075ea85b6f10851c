import Synchronization

/// The model being served, swapped whole on reload.
///
/// Readers take a reference and keep it for their request, so a swap never changes a model
/// under a request; the old model is freed when its last request finishes.
final class ModelSlot: Sendable {
  private let current: Mutex<LoadedModel>
  private let reloading = Mutex(false)
  let path: String
  let workers: Int

  init(_ model: LoadedModel, workers: Int) {
    current = Mutex(model)
    path = model.path
    self.workers = workers
  }

  /// The model to answer the next request with.
  var model: LoadedModel { current.withLock { $0 } }

  /// Reads the file again and, if it is a valid model, serves it from now on.
  ///
  /// - Returns: The new model.
  /// - Throws: ``ServerError/modelUnavailable(_:)`` when the file is missing or damaged;
  ///   the old model keeps serving. ``ServerError/reloadInProgress`` when another reload
  ///   is reading the file.
  func reload() throws(ServerError) -> LoadedModel {
    let started = reloading.withLock { busy in
      if busy { return false }
      busy = true
      return true
    }
    guard started else { throw .reloadInProgress }
    defer { reloading.withLock { $0 = false } }
    let fresh = try LoadedModel.read(path: path, workers: workers)
    current.withLock { $0 = fresh }
    return fresh
  }
}
