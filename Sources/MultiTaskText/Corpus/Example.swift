/// One training or evaluation document: its text and a label for each task that labels it.
///
/// A task that is absent from `labels` is unlabelled for this document. The loss masks it
/// out; it is never read as a negative. This is what lets corpora that share no documents
/// train one multi-task model.
public struct Example: Sendable, Equatable {
  /// The document's text, decoded to UTF-8 but otherwise as published.
  public var text: String
  /// Task name to label. A missing task means "unlabelled", not "negative".
  public var labels: [String: String]
  /// Task name to a list of labels, for records that give a task a list (JSON arrays,
  /// several fastText `__label__` prefixes, a split CSV cell). An empty list means
  /// "labelled, and none of these apply", which is not the same as a missing task.
  /// A task is in `labels` or here, never both.
  public var labelLists: [String: [String]] = [:]
  /// Where the record starts in its file, for error messages further down the pipeline.
  public var location: CorpusLocation?
  /// The record's identifier, read from the source's ``CorpusSource/idField`` or
  /// ``CorpusSource/idColumn`` when one is set; nil otherwise, or when the record lacks it.
  /// `mtl predict --id-field` copies it into each answer, so answers can be joined back to
  /// their records without counting lines.
  public var id: String?

  /// Creates an example.
  ///
  /// - Parameters:
  ///   - text: The document's text.
  ///   - labels: Task name to label; leave a task out to mark it unlabelled.
  ///   - location: Where the record came from, when it came from a file.
  public init(text: String, labels: [String: String] = [:], location: CorpusLocation? = nil) {
    self.text = text
    self.labels = labels
    self.location = location
  }
}

extension Example {
  /// This example with only task `task`'s label, or none: what one task's pass over a
  /// multi-task file contributes, so that each task reads its own labels from its own file.
  ///
  /// - Parameter task: The task whose label is kept.
  /// - Returns: The example with at most that label.
  public func keepingLabel(ofTask task: String) -> Example {
    var kept = Example(
      text: text, labels: labels[task].map { [task: $0] } ?? [:], location: location)
    if let list = labelLists[task] { kept.labelLists = [task: list] }
    return kept
  }

  /// This example with only the labels of `tasks`: what a shared file's single reading
  /// keeps for the tasks that share it.
  ///
  /// - Parameter tasks: The tasks whose labels are kept.
  /// - Returns: The example with at most those labels.
  public func keepingLabels(ofTasks tasks: [String]) -> Example {
    var kept = Example(text: text, location: location)
    for task in tasks {
      if let label = labels[task] { kept.labels[task] = label }
      if let list = labelLists[task] { kept.labelLists[task] = list }
    }
    return kept
  }

  /// Creates an example whose tasks are labelled with lists.
  ///
  /// - Parameters:
  ///   - text: The document's text.
  ///   - labelLists: Task name to its labels; an empty list means none apply.
  ///   - location: Where the record came from, when it came from a file.
  public init(
    text: String, labelLists: [String: [String]], location: CorpusLocation? = nil
  ) {
    self.init(text: text, location: location)
    self.labelLists = labelLists
  }

  /// Every label `task` has here, a single label as a list of one; nil when the task is
  /// unlabelled.
  ///
  /// - Parameter task: The task's name.
  /// - Returns: The labels, or nil.
  public func labelList(ofTask task: String) -> [String]? {
    if let list = labelLists[task] { return list }
    return labels[task].map { [$0] }
  }

  /// Whether `task` is labelled at all, with one label or a list (even an empty one).
  ///
  /// - Parameter task: The task's name.
  public func isLabelled(forTask task: String) -> Bool {
    labels[task] != nil || labelLists[task] != nil
  }
}

/// A file and the 1-based line where a record starts.
///
/// Kept on each example so that a later stage (a label not in the label set, say) can point
/// the user at the exact line.
public struct CorpusLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file's path as the user gave it.
  public var path: String
  /// The 1-based line where the record starts.
  public var line: Int

  /// Creates a location.
  ///
  /// - Parameters:
  ///   - path: The file's path.
  ///   - line: The 1-based line number.
  public init(path: String, line: Int) {
    self.path = path
    self.line = line
  }

  /// `path:line`, the form editors and terminals link to.
  public var description: String { "\(path):\(line)" }
}
