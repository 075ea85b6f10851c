/// The words every renderer uses for a tuning search, so the terminal, Markdown and HTML
/// explain the kept trial the same way: the one-standard-error rule, with its numbers.
enum TuningExplanation {
  /// What marks the kept trial when it is not the top one.
  static let ruleLabel = "within one standard error of the top, and cheapest"

  /// A dev score as the tuner compares them: four decimals, since trials often differ in
  /// the third.
  static func score(_ value: Double) -> String { ReportNumberFormat.decimal(value, digits: 4) }

  /// `1234567` → `1.2 M`: a model's size in stored numbers.
  static func size(_ parameters: Int) -> String {
    switch parameters {
    case ..<1: return "–"
    case ..<10_000: return ReportNumberFormat.count(parameters)
    case ..<1_000_000:
      return ReportNumberFormat.decimal(Double(parameters) / 1000, digits: 0) + " k"
    default: return ReportNumberFormat.decimal(Double(parameters) / 1e6, digits: 1) + " M"
    }
  }

  /// The first line: trials run, and how they ended.
  static func counts(_ tuning: TuningSummary) -> String {
    let trials = tuning.trials
    func number(_ outcome: TuningSummary.Outcome) -> Int {
      trials.filter { $0.outcome == outcome }.count
    }
    var parts = ["\(trials.count) trial\(trials.count == 1 ? "" : "s")"]
    var ends: [String] = []
    if number(.cutByBudget) > 0 { ends.append("\(number(.cutByBudget)) cut by the budget") }
    if number(.interrupted) > 0 { ends.append("\(number(.interrupted)) interrupted") }
    if number(.failed) > 0 { ends.append("\(number(.failed)) failed") }
    if !ends.isEmpty { parts.append(ends.joined(separator: ", ")) }
    let objective =
      tuning.objective.map { "the dev score of task \"\($0)\"" } ?? "the mean dev score over tasks"
    return parts.joined(separator: "; ") + ". Objective: " + objective + "."
  }

  /// Why the kept trial was kept, in one or two sentences.
  static func reason(_ tuning: TuningSummary) -> String {
    let best = tuning.trials.first { $0.trial == tuning.best }
    guard let top = tuning.top, let error = tuning.standardError,
      let topPoint = tuning.trials.first(where: { $0.trial == top }),
      let topScore = topPoint.score, let best
    else {
      return "Kept trial \(tuning.best)" + (best?.score.map { ", dev " + score($0) } ?? "") + "."
    }
    let documents = tuning.developmentDocuments.map {
      " over \(ReportNumberFormat.count($0)) dev documents"
    }
    let band = tuning.trials.filter(tuning.isWithinOneStandardError)
    let rule =
      "One standard error of the top score is \(score(error))\(documents ?? ""), so the"
      + " \(band.count) trial\(band.count == 1 ? "" : "s") scoring \(score(topScore - error))"
      + " or more are as good as far as the dev data can tell (the one-standard-error rule);"
      + " of those the cheapest, the smallest model, is kept."
    if band.count == 1 {
      return "Trial \(top) scored highest on dev (\(score(topScore))) and is kept: no other"
        + " trial scored within one standard error of it (\(score(error))\(documents ?? ""))."
    }
    if best.trial == top {
      return "Trial \(top) scored highest on dev (\(score(topScore))) and is kept. " + rule
    }
    return "Trial \(top) scored highest on dev (\(score(topScore))). " + rule + " Kept: trial"
      + " \(best.trial), dev \(best.score.map(score) ?? "–"), \(size(best.parameters)) numbers"
      + " against \(size(topPoint.parameters)) — \(ruleLabel)."
  }

  /// How a trial's row says it ended.
  static func outcome(_ point: TuningSummary.Point) -> String {
    switch point.outcome {
    case .scored: return point.score.map(score) ?? "–"
    case .failed: return "failed"
    case .cutByBudget: return "cut by the budget"
    case .interrupted: return "interrupted"
    }
  }

  /// The rows of a trials table: scored trials best first, then the others by number, at most
  /// `limit`; the kept trial is always among them (last, when it ranks below the limit).
  static func rows(_ tuning: TuningSummary, limit: Int) -> [TuningSummary.Point] {
    let unscored = tuning.trials.filter { $0.score == nil }.sorted { $0.trial < $1.trial }
    var rows = Array((tuning.ranked + unscored).prefix(limit))
    if !rows.contains(where: { $0.trial == tuning.best }),
      let kept = tuning.trials.first(where: { $0.trial == tuning.best })
    {
      rows[rows.count - 1] = kept
    }
    return rows
  }

  /// A trial's settings in a table cell: "as given" for trial 1.
  static func settingsText(_ point: TuningSummary.Point) -> String {
    point.settings.isEmpty ? "as given" : point.settings.joined(separator: " ")
  }

  /// The epochs cell: the kept epoch of those trained.
  static func epochs(_ point: TuningSummary.Point) -> String {
    point.epochs > 0 ? "\(point.keptEpoch) of \(point.epochs)" : "–"
  }
}
