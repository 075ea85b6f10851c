/// Whether a task answers one label per document or any number of them.
///
/// A single-label task has a softmax head: its labels compete, and the most probable one is
/// the answer. A multi-label task has a one-vs-all sigmoid head: each label is its own yes/no
/// question over the shared encoder, so a comment can be both `joy` and `love`, or none of
/// the labels. The two kinds share the encoder and train in the same steps.
public enum TaskType: String, Codable, Sendable, CaseIterable {
  /// One label per document, from a softmax over the labels.
  case singleLabel
  /// Any set of labels per document, each from its own sigmoid.
  case multiLabel
}
