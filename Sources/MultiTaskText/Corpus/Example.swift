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
  /// Where the record starts in its file, for error messages further down the pipeline.
  public var location: CorpusLocation?

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
    Example(text: text, labels: labels[task].map { [task: $0] } ?? [:], location: location)
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
