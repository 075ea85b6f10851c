extension TuningSummary {
  /// The report's record of a search: every trial, and how the kept one was chosen.
  ///
  /// - Parameters:
  ///   - result: What the search found.
  ///   - objective: The task maximized, or nil for the mean over tasks.
  public init(_ result: TuningResult, objective: String?) {
    let points = result.trials.map { trial in
      var point = Point(
        trial: trial.number, score: trial.isScored ? trial.objective : nil,
        finishedAt: trial.finishedAt)
      switch trial.cut {
      case .budget?: point.outcome = .cutByBudget
      case .request?: point.outcome = .interrupted
      case nil: point.outcome = trial.isScored ? .scored : .failed
      }
      point.seconds = trial.seconds
      point.parameters = trial.parameters
      point.epochs = trial.epochs
      point.keptEpoch = trial.keptEpoch
      point.settings = trial.overrides
      point.failure = trial.failure
      return point
    }
    self.init(trials: points, best: result.best.number, bestSettings: result.best.overrides)
    top = result.selection.top
    standardError = result.selection.standardError
    developmentDocuments = result.selection.developmentDocuments
    self.objective = objective
  }
}
