/// Each task's labels as provisional ids, in order of first appearance, until the label sets
/// are sorted at the end of reading.
///
/// Interning is its own job so the in-memory documents and the disk spill store small ids
/// instead of strings, and so the label limit is checked as each label first appears.
struct LabelInterner {
  /// The task names, in model order, for errors.
  let taskNames: [String]
  /// Per task, the labels by provisional id.
  private(set) var names: [[String]]
  private var index: [[String: Int32]]

  /// Starts with no label for any of `taskNames`.
  init(taskNames: [String]) {
    self.taskNames = taskNames
    names = Array(repeating: [], count: taskNames.count)
    index = Array(repeating: [:], count: taskNames.count)
  }

  /// The provisional id of `label`, refusing a label beyond ``LabelSet/maximumCount`` so a
  /// file of unique "labels" (a text column taken for the label) fails at once instead of
  /// building an output layer of millions of rows.
  ///
  /// - Throws: ``TrainingError/tooManyLabels(task:limit:location:)``.
  mutating func id(
    of label: String, task: Int, location: CorpusLocation?
  ) throws(TrainingError) -> Int32 {
    if let id = index[task][label] { return id }
    guard names[task].count < LabelSet.maximumCount else {
      throw .tooManyLabels(task: taskNames[task], limit: LabelSet.maximumCount, location: location)
    }
    let id = Int32(names[task].count)
    names[task].append(label)
    index[task][label] = id
    return id
  }

  /// The provisional ids of `labels`, interned in order.
  mutating func ids(
    of labels: [String], task: Int, location: CorpusLocation?
  ) throws(TrainingError) -> [Int32] {
    var ids: [Int32] = []
    ids.reserveCapacity(labels.count)
    for label in labels { ids.append(try id(of: label, task: task, location: location)) }
    return ids
  }

  /// The final, sorted label sets, and per task each provisional id's final id.
  ///
  /// - Throws: ``TrainingError/tooFewLabels(task:labels:)`` for a task with fewer than two
  ///   labels: there is nothing to learn.
  func finish() throws(TrainingError) -> (sets: [LabelSet], remap: [[Int32]]) {
    for (task, labels) in names.enumerated() where labels.count < 2 {
      throw .tooFewLabels(task: taskNames[task], labels: labels)
    }
    let sets = names.map { LabelSet($0) }
    let remap = zip(names, sets).map { names, set in
      names.map { set.id(of: $0)?.rawValue ?? -1 }
    }
    return (sets, remap)
  }
}
