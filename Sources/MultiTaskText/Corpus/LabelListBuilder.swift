/// Collects one record's list of labels in order, without duplicates, in linear time, and
/// stops as soon as the list passes the most labels a task may have.
///
/// Readers used to drop duplicates with `Array.contains`, so one record listing 40,000
/// labels took 12 s to read and a million never finished; and the limit on a task's labels
/// was checked only after the whole list was in memory. Every reader (JSONL arrays, fastText
/// prefixes, split CSV cells) goes through this one type.
struct LabelListBuilder {
  /// The labels so far, in first-seen order.
  private(set) var labels: [String] = []
  private var seen: Set<String> = []

  /// Adds `label` unless it is already in the list, or blank (see ``BlankLabel``).
  ///
  /// - Returns: False when the list already holds ``LabelSet/maximumCount`` labels and
  ///   `label` would be one more: the caller stops reading the record.
  mutating func add(_ label: String) -> Bool {
    guard !BlankLabel.isBlank(label), !seen.contains(label) else { return true }
    guard labels.count < LabelSet.maximumCount else { return false }
    seen.insert(label)
    labels.append(label)
    return true
  }

  /// The problem to report when ``add(_:)`` refused a label.
  static var tooManyProblem: String {
    "the record lists more than \(LabelSet.maximumCount) distinct labels, the most a task may"
      + " have"
  }
}

/// Labels that are only whitespace, or empty, mean "no label": a CSV's empty cell, a JSON
/// `""` from an export that wrote missing values as empty strings. Kept as classes, they
/// trained a class named " " that every report then showed. They count as unlabelled
/// instead, which the readers' counts report.
enum BlankLabel {
  /// Whether `label` is empty or only whitespace.
  static func isBlank(_ label: String) -> Bool {
    label.allSatisfy(\.isWhitespace)
  }

  /// `label`, or nil when it is blank.
  static func kept(_ label: String?) -> String? {
    guard let label, !isBlank(label) else { return nil }
    return label
  }
}
