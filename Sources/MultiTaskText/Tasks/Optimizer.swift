/// How a gradient becomes a step.
///
/// - `sgd`: fastText's plain stochastic gradient descent: every parameter moves by the
///   learning rate times its gradient. A document's rows share its gradient divided by its
///   feature count, so in a 300-word post each row moves a hundredth as far as in a tweet, and
///   the learning rate that suits one corpus is wrong for another.
/// - `adagrad`: AdaGrad with one accumulator per row (Duchi, Hazan & Singer, 2011; per row as
///   in Vowpal Wabbit's and StarSpace's sparse updates): each embedding, head or private row
///   keeps the running sum of its gradients' mean squares, and moves by the learning rate
///   over the square root of that sum. The division by the feature count cancels, so a row's
///   step no longer depends on document length, and rare rows keep larger steps than
///   frequent ones. Costs one float per row.
public enum Optimizer: String, Codable, Sendable, CaseIterable {
  /// Plain SGD.
  case sgd
  /// AdaGrad with per-row accumulators.
  case adagrad
}
