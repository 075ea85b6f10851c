/// How a single-label task's head is trained, and so what it costs per document.
///
/// A full softmax scores every label for every training document, which is what a few dozen
/// labels want and what thousands of labels cannot afford. The two others are fastText's answers
/// to large label spaces: a hierarchical softmax over a Huffman tree of the labels
/// (`-loss hs`), whose probabilities are exact and cost `log₂ labels` sigmoids to train; and
/// sampled softmax (fastText's negative sampling, `-loss ns`), which trains the true label
/// against a few labels drawn at random and scores every label at prediction.
public enum HeadLoss: String, Codable, Sendable, CaseIterable {
  /// Cross-entropy over the softmax of every label's score.
  case softmax
  /// A binary logistic loss at each node of the true label's path in a Huffman tree built from
  /// the label counts; the model predicts with the tree's exact probabilities.
  case hierarchical
  /// A binary logistic loss on the true label and on a few negatives drawn in proportion to
  /// the square root of their counts; the model predicts with the full softmax.
  case sampled

  /// The negatives a sampled-softmax step draws per document, fastText's default.
  public static let sampledNegatives = 5
}
