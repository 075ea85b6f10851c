import CMultiTaskText

// Loading, freeing and describing models: `mtl_model_*` in multitasktext.h.

/// `mtl_model_load`: loads a model file into a new handle.
///
/// - Returns: `MTL_OK`, or the error's code with the message `mtl predict` prints.
@_cdecl("mtl_model_load")
public func mtlModelLoad(
  _ path: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?
) -> Int32 {
  withStatus {
    guard let path else { throw CFailure.invalidArgument("path must not be NULL") }
    guard let out else { throw CFailure.invalidArgument("out must not be NULL") }
    let handle = try ModelHandle(path: String(cString: path))
    out.pointee = OpaquePointer(Unmanaged.passRetained(handle).toOpaque())
  }
}

/// `mtl_model_free`: releases a handle; NULL is ignored.
@_cdecl("mtl_model_free")
public func mtlModelFree(_ model: OpaquePointer?) {
  guard let model else { return }
  Unmanaged<ModelHandle>.fromOpaque(UnsafeRawPointer(model)).release()
}

/// `mtl_model_task_count`: the number of tasks, or -1 for a NULL handle.
@_cdecl("mtl_model_task_count")
public func mtlModelTaskCount(_ model: OpaquePointer?) -> Int32 {
  guard let handle = try? ModelHandle.from(model) else {
    CFailure.invalidArgument("model must not be NULL").record()
    return -1
  }
  return Int32(handle.taskNames.count)
}

/// `mtl_model_task_name`: a task's name, owned by the handle, or NULL when out of range.
@_cdecl("mtl_model_task_name")
public func mtlModelTaskName(_ model: OpaquePointer?, _ task: Int32) -> UnsafePointer<CChar>? {
  lookUp(model) { handle throws(CFailure) in
    UnsafePointer(handle.taskNames[try handle.checkTask(task)])
  }
}

/// `mtl_model_task_is_multi_label`: 1 for a multi-label task, 0 for a single-label one, -1
/// when out of range.
@_cdecl("mtl_model_task_is_multi_label")
public func mtlModelTaskIsMultiLabel(_ model: OpaquePointer?, _ task: Int32) -> Int32 {
  lookUp(model) { handle throws(CFailure) in
    handle.model.manifest.tasks[try handle.checkTask(task)].isMultiLabel ? 1 : 0
  } ?? -1
}

/// `mtl_model_label_count`: the number of labels of a task, or -1 when out of range.
@_cdecl("mtl_model_label_count")
public func mtlModelLabelCount(_ model: OpaquePointer?, _ task: Int32) -> Int32 {
  lookUp(model) { handle throws(CFailure) in
    Int32(handle.labelNames[try handle.checkTask(task)].count)
  } ?? -1
}

/// `mtl_model_label`: a label's name, owned by the handle, or NULL when out of range.
@_cdecl("mtl_model_label")
public func mtlModelLabel(
  _ model: OpaquePointer?, _ task: Int32, _ label: Int32
) -> UnsafePointer<CChar>? {
  lookUp(model) { handle throws(CFailure) in
    let labels = handle.labelNames[try handle.checkTask(task)]
    guard label >= 0, Int(label) < labels.count else {
      throw .invalidArgument(
        "label index \(label) is out of range: task \(task) has \(labels.count) label(s)")
    }
    return UnsafePointer(labels[Int(label)])
  }
}

/// Reads a value from a handle, recording the failure and answering nil when the handle or
/// an index is bad.
private func lookUp<Value>(
  _ model: OpaquePointer?, _ body: (ModelHandle) throws(CFailure) -> Value
) -> Value? {
  do { return try body(try ModelHandle.from(model)) } catch {
    error.record()
    return nil
  }
}
