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

  /// Creates empty statistics for the file at `path`.
  public init(path: String = "") {
    self.path = path
  }

  /// Whether records were skipped or lines repaired, which a user should hear about.
  public var hasProblems: Bool { recordsSkipped > 0 || repairedLines > 0 }

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
