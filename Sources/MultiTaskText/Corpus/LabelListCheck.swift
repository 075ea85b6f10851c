/// The rule every reader applies to labels given as lists: a multi-label task keeps its
/// list; a single-label task accepts a list of exactly one label, and any other list is an
/// invalid record naming the file, the line and the labels.
///
/// Before this check a fastText line `__label__a __label__b text` trained as label `a` only,
/// and the second label disappeared without a word. Losing data silently is worse than
/// stopping: the error says to make the task multi-label, or to skip such lines with
/// `--skip-invalid`, which counts and reports them.
enum LabelListCheck {
  /// `example` with the list of the source's task checked, and a list of one label turned
  /// into a plain label when the task is single-label.
  ///
  /// The source's own task is checked, and the tasks sharing its reading: a multi-task
  /// record may hold lists for other tasks, which their own readings check.
  ///
  /// - Throws: ``CorpusError/invalidRecord(path:line:problem:)`` for a single-label task
  ///   given zero or several labels.
  static func checked(
    _ example: Example, source: CorpusSource, line: Int
  ) throws(CorpusError) -> Example {
    var checked = try checked(
      example, task: source.taskName, multiLabel: source.readsLabelLists, source: source,
      line: line)
    for (task, multiLabel) in source.sharingTasks.sorted(by: { $0.key < $1.key }) {
      checked = try self.checked(
        checked, task: task, multiLabel: multiLabel, source: source, line: line)
    }
    return checked
  }

  /// `example` with task `task`'s list checked.
  private static func checked(
    _ example: Example, task: String, multiLabel: Bool, source: CorpusSource, line: Int
  ) throws(CorpusError) -> Example {
    guard !multiLabel, let list = example.labelLists[task] else { return example }
    var checked = example
    checked.labelLists[task] = nil
    switch list.count {
    case 1:
      checked.labels[task] = list[0]
      return checked
    case 0:
      throw .invalidRecord(
        path: source.path, line: line,
        problem: "task \"\(task)\" is single-label but this record gives it an empty list of"
          + " labels; set the task's type: multiLabel, or give one label")
    default:
      throw .invalidRecord(
        path: source.path, line: line,
        problem: "task \"\(task)\" is single-label but this record gives it \(list.count)"
          + " labels (" + list.joined(separator: ", ") + "); set the task's type: multiLabel,"
          + " or skip such records with --skip-invalid")
    }
  }
}
