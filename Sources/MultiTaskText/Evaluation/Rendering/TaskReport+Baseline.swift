extension TaskReport {
  /// How far above the majority baseline a model must score to count as having learned
  /// anything: one percentage point.
  static let baselineMargin = 0.01

  /// True when the model is within one point of always answering the majority label, the
  /// failure every report shouts about.
  public var isNoBetterThanBaseline: Bool {
    // A multi-label task has no majority answer to compare with.
    multiLabel == nil && metrics.accuracy <= majorityBaseline.accuracy + Self.baselineMargin
  }

  /// The sentence every renderer uses to warn about a model no better than its baseline.
  var baselineWarning: String {
    "accuracy \(ReportNumberFormat.percent(metrics.accuracy)) is no better than always "
      + "answering \"\(majorityBaseline.label)\" (\(ReportNumberFormat.percent(majorityBaseline.accuracy)))"
  }
}
