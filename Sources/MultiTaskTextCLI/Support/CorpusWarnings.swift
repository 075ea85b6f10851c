import Foundation
import MultiTaskText

/// Collects what reading corpora counted and warns about it on standard error once the
/// command's work is done: how many records `--skip-invalid` skipped, how many lines had
/// invalid UTF-8 repaired, each with the first few locations, and how many records gave a
/// task no label, with the field they had instead when it is a near miss.
///
/// The warnings are printed even with `--quiet`: a run that silently dropped part of its
/// data would look like a successful one.
final class CorpusWarnings: @unchecked Sendable {
  private let lock = NSLock()
  private var statistics: [CorpusStatistics] = []

  /// Keeps the counts of the files read; a file read twice (one file shared by two tasks)
  /// is reported once.
  func record(_ files: [CorpusStatistics]) {
    lock.lock()
    defer { lock.unlock() }
    for file in files
    where file.hasProblems || file.unlabelledByTask.values.contains(where: { $0 > 0 }) {
      if !statistics.contains(where: { $0.path == file.path }) { statistics.append(file) }
    }
  }

  /// The warning lines, without writing them.
  func lines() -> [String] {
    lock.lock()
    defer { lock.unlock() }
    var lines: [String] = []
    for file in statistics {
      if file.recordsSkipped > 0 {
        lines.append(
          "mtl: warning: skipped \(file.recordsSkipped) invalid record(s) in \(file.path)"
            + (file.skippedProblems.isEmpty ? "" : "; the first:"))
        for problem in file.skippedProblems { lines.append("  \(problem)") }
        let more = file.recordsSkipped - file.skippedProblems.count
        if more > 0 { lines.append("  … and \(more) more") }
      }
      lines += unlabelledLines(file)
      if file.repairedLines > 0 {
        let shown = file.repairedLineNumbers.map { "\(file.path):\($0)" }
        let more = file.repairedLines - shown.count
        lines.append(
          "mtl: warning: replaced invalid UTF-8 with U+FFFD in \(file.repairedLines) line(s): "
            + shown.joined(separator: ", ") + (more > 0 ? " and \(more) more" : ""))
        if let encoding = EncodingHint.suggestion(forFileAt: file.path) {
          lines.append(
            "  the file decodes cleanly as \(encoding.rawValue): if it is not UTF-8, set"
              + " encoding: \(encoding.rawValue) for it")
        }
      }
    }
    return lines
  }

  /// `200 of 400 records in train.jsonl have no "label" (or "labels") for task "sentiment"`,
  /// per task in name order, then the near-miss field when there is one.
  private func unlabelledLines(_ file: CorpusStatistics) -> [String] {
    var lines: [String] = []
    for (task, count) in file.unlabelledByTask.sorted(by: { $0.key < $1.key }) where count > 0 {
      lines.append(
        "mtl: warning: \(count) of \(file.examplesRead) records in "
          + "\(file.path) have no \(file.labelDescription) for task \"\(task)\"; they do not"
          + " train or score it")
    }
    if let nearMiss = file.nearMissLabelField {
      lines.append(
        "  \(nearMiss.records) of them have a field \"\(nearMiss.field)\" instead"
          + " (first at \(file.path):\(nearMiss.firstLine)); is it a misspelt label field?")
    }
    return lines
  }

  /// Writes the warnings to standard error and forgets them.
  func emit() {
    for line in lines() { writeToStandardError(line) }
    lock.lock()
    statistics = []
    lock.unlock()
  }
}
