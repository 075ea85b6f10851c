/// How the tasks' losses are weighted against each other during training.
///
/// Every strategy multiplies each task's configured `weight`; they differ in what they add:
/// - `fixed`: nothing; the configured weights as they are.
/// - `uncertainty`: learned homoscedastic uncertainty (Kendall, Gal & Cipolla, "Multi-Task
///   Learning Using Uncertainty to Weigh Losses", CVPR 2018). Each task has a learned log
///   variance `s`; its loss counts `exp(-s) · L + s / 2`, so noisy tasks are down-weighted.
/// - `dynamic`: dynamic weight average (Liu, Johns & Davison, "End-to-End Multi-Task
///   Learning with Attention", CVPR 2019). From the third epoch, a task whose loss fell
///   slowly over the last two epochs gets more weight: `K · softmax(r / T)` with
///   `r = L(e−1) / L(e−2)` and `T = 2`.
/// - `pcgrad`: projecting conflicting gradients (Yu et al., "Gradient Surgery for Multi-Task
///   Learning", NeurIPS 2020), applied to the shared document vector, where a task's gradient
///   costs one vector. When another task's gradient points against this one
///   (negative dot product), the conflicting component is removed before the shared rows are
///   updated. Conflicts are resolved between the tasks a document is labelled for, whose
///   gradients are exact; tasks trained on separate corpora never meet in one document, and
///   for them `pcgrad` trains exactly like `fixed`. (Estimating the other tasks' gradients
///   by moving averages was tried: averaged over both labels, they point along the very
///   direction that separates the labels, and projecting it away cost 1.9 points of mean
///   accuracy on the seven sentiment-style tasks.)
///
/// Each case's behaviour lives in one type of its own, named by its internal `strategy`.
public enum LossWeighting: String, Codable, Sendable, CaseIterable {
  /// The configured weights as they are.
  case fixed
  /// Learned homoscedastic uncertainty per task.
  case uncertainty
  /// Dynamic weight average over the epochs.
  case dynamic
  /// Projecting conflicting gradients on the shared document vector.
  case pcgrad
}
