/// Whether training adds a sparse linear path (TF-IDF weights over the document's features,
/// one linear model per task) beside the embedding bag, and who decides.
///
/// The averaged embedding bag loses what a sparse linear model keeps on long documents and
/// small corpora (issue 25: twenty_newsgroups 80.6 against TF-IDF + LinearSVC's 86.2). The
/// path's scores are added to the head's log-probabilities with a weight that dev data
/// chooses per task, 0 meaning the path is left out.
public enum LinearPathMode: String, Codable, Sendable, CaseIterable {
  /// Dev data decides per task whether the path is kept and how much it weighs; without dev
  /// data, no path.
  case auto
  /// Every eligible task keeps a path: dev data chooses its weight and regularization among
  /// those that use it; without dev data, cost 1 and weight 1.
  case on
  /// No path: the model is the embedding bag alone, byte for byte as before the path existed.
  case off
}
