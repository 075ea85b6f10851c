/// One optional value per task, keyed by task name: a loss, a dev accuracy, a label count.
///
/// Per-task figures cross the library's boundaries in this form rather than as bare arrays
/// indexed by position, so a caller reads `losses["spam"]` and never has to rebuild task names
/// from indices. Order is the model's task order.
public struct TaskValues<Value: Sendable>: Sendable {
  /// The task names, in model order.
  public let tasks: [String]
  /// Each task's value, in the same order; nil where the task has none.
  public let values: [Value?]

  /// Pairs names with values.
  ///
  /// - Precondition: as many values as tasks.
  public init(tasks: [String], values: [Value?]) {
    precondition(tasks.count == values.count, "one value per task")
    self.tasks = tasks
    self.values = values
  }

  /// The value of the task named `task`, or nil when it has none or there is no such task.
  public subscript(task: String) -> Value? {
    guard let index = tasks.firstIndex(of: task) else { return nil }
    return values[index]
  }

  /// The tasks that have a value, with it, in model order.
  public var present: [(task: String, value: Value)] {
    zip(tasks, values).compactMap { task, value in value.map { (task, $0) } }
  }
}

extension TaskValues: Equatable where Value: Equatable {}
