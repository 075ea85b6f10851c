/// What a reader saw, so the caller can report it once the file is done.
///
/// An empty file or one without labelled examples is the caller's concern; these counts let
/// it decide and explain.
public struct CorpusStatistics: Sendable, Equatable {
  /// How many problems ``skippedProblems`` keeps; the rest are only counted.
  public static let maximumKeptProblems = 5

  /// Examples returned so far.
  public var examplesRead = 0
  /// Examples returned with no label for any task.
  public var unlabelledExamples = 0
  /// Malformed records skipped because the source allows skipping.
  public var recordsSkipped = 0
  /// Lines whose invalid UTF-8 was repaired to U+FFFD.
  public var repairedLines = 0
  /// The first few skipped records' errors, in file order.
  public var skippedProblems: [CorpusError] = []
  /// The 1-based numbers of the first few repaired lines, in file order.
  public var repairedLineNumbers: [Int] = []
  /// The file these counts are about (empty when not read from a file).
  public var path: String
  /// Per task the reader reads (its own and the tasks sharing the file), how many records
  /// gave that task no label: what "200 of 400 records have no label" reports.
  public var unlabelledByTask: [String: Int] = [:]
  /// The tasks that records labelled, in no particular order (at most
  /// ``maximumListedTasks``; sort them to list them): what a message about a task name that
  /// labels nothing lists.
  public var labelledTasks: [String] = []
  /// How the file marks a label, for messages: `"label"`, `a "label" column`,
  /// `a __label__ prefix`.
  public var labelDescription = ""
  /// A field that records had instead of the label field, a few edits away from it: the
  /// likely misspelling behind unlabelled records.
  public var nearMissLabelField: NearMissField?

  /// How many task names ``labelledTasks`` keeps.
  public static let maximumListedTasks = 50

  /// Creates empty statistics for the file at `path`.
  public init(path: String = "") {
    self.path = path
  }

  /// Whether records were skipped or lines repaired, which a user should hear about.
  public var hasProblems: Bool { recordsSkipped > 0 || repairedLines > 0 }

  /// Counts what an example labels and leaves unlabelled, for `tasks`.
  mutating func count(_ example: Example, tasks: [String]) {
    for task in tasks where !example.isLabelled(forTask: task) {
      unlabelledByTask[task, default: 0] += 1
    }
    guard labelledTasks.count < Self.maximumListedTasks else { return }
    for task in example.labels.keys where !labelledTasks.contains(task) {
      labelledTasks.append(task)
    }
    for task in example.labelLists.keys where !labelledTasks.contains(task) {
      labelledTasks.append(task)
    }
  }

  /// Counts one skipped record and keeps its error if there is room.
  mutating func recordSkipped(_ error: CorpusError) {
    recordsSkipped += 1
    if skippedProblems.count < Self.maximumKeptProblems { skippedProblems.append(error) }
  }

  /// Counts one line whose invalid UTF-8 was repaired and keeps its number if there is room.
  mutating func lineRepaired(_ line: Int) {
    repairedLines += 1
    if repairedLineNumbers.count < Self.maximumKeptProblems { repairedLineNumbers.append(line) }
  }
}

/// A record field whose name is a few edits away from the label field the source expects.
public struct NearMissField: Sendable, Equatable {
  /// The field as the records spell it.
  public var field: String
  /// The first line where a record had it and no label field.
  public var firstLine: Int
  /// How many records had it and no label field.
  public var records: Int

  /// Creates a finding.
  ///
  /// - Parameters:
  ///   - field: The field as spelt.
  ///   - firstLine: Its first line.
  ///   - records: How many records had it.
  public init(field: String, firstLine: Int, records: Int) {
    self.field = field
    self.firstLine = firstLine
    self.records = records
  }
}
