/// The one rule for how many threads a stage runs: what `training.threads` asks, at least
/// one, at most ``TrainingConfiguration/largestThreadCount``, and no more than the stage has
/// pieces of work for.
///
/// Reading, featurizing and training each split their work by it; keeping the rule in one
/// place means a stage cannot start more threads than another would, or zero.
enum ThreadCount {
  /// The threads for `work` independent pieces when `requested` were asked for.
  ///
  /// - Parameters:
  ///   - requested: The threads asked for, such as `training.threads`.
  ///   - work: The most pieces the stage can hand out; unbounded by default.
  /// - Returns: A count from 1 through both bounds.
  static func clamped(_ requested: Int, toWork work: Int = .max) -> Int {
    max(1, min(requested, TrainingConfiguration.largestThreadCount, work))
  }
}
