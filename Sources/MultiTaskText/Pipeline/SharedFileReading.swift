/// The state of reading the training files into a ``TrainingSetBuilder`` when tasks share a
/// file: how many examples label each task, and the examples a later task of the group
/// labels alone, which wait for that task's turn so documents keep the order one pass per
/// task gave.
struct SharedFileReading {
  /// The configured tasks, in model order.
  let tasks: [TaskConfiguration]
  /// Where the examples go.
  var builder: TrainingSetBuilder
  /// Per task: how many examples label it.
  private(set) var labelled: [Int]
  /// Per task index: the examples only it (among its group, first) labels, waiting.
  private var deferred: [Int: [(example: Example, tokens: TokenizedDocument?)]] = [:]

  init(tasks: [TaskConfiguration], builder: TrainingSetBuilder) {
    self.tasks = tasks
    self.builder = builder
    labelled = Array(repeating: 0, count: tasks.count)
  }

  /// Takes one example of the file `group` shares: added now when the group's first task
  /// labels it, or kept for the first task of the group that does.
  mutating func consume(
    _ example: Example, tokens: TokenizedDocument?, group: [Int]
  ) throws(PipelineError) {
    let kept = example.keepingLabels(ofTasks: group.map { tasks[$0].name })
    guard let first = group.first(where: { kept.isLabelled(forTask: tasks[$0].name) })
    else { return }
    for member in group where kept.isLabelled(forTask: tasks[member].name) {
      labelled[member] += 1
    }
    if first == group[0] {
      try add(kept, tokens: tokens)
    } else {
      deferred[first, default: []].append((kept, tokens?.detached()))
    }
  }

  /// Adds the examples kept for task `task`, now that its turn has come.
  mutating func addDeferred(ofTask task: Int) throws(PipelineError) {
    for (example, tokens) in deferred.removeValue(forKey: task) ?? [] {
      try add(example, tokens: tokens)
    }
  }

  private mutating func add(_ example: Example, tokens: TokenizedDocument?) throws(PipelineError) {
    do throws(TrainingError) {
      if let tokens {
        try builder.add(example, tokenized: tokens)
      } else {
        try builder.add(example)
      }
    } catch { throw .training(error) }
  }
}
