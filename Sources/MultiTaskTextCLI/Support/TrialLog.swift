import Foundation
import MultiTaskText

/// `trials.jsonl`: one JSON object per trial, with its settings, dev scores, cost and times,
/// and `cut` (`"budget"` or `"request"`) for a trial stopped before its end.
enum TrialLog {
  static func jsonl(_ trials: [Trial]) throws -> String {
    try trials.map { trial in
      var object: [String: Any] = [
        "trial": trial.number, "overrides": trial.overrides, "devScores": trial.devScores,
        "objective": trial.objective, "epochs": trial.epochs, "keptEpoch": trial.keptEpoch,
        "parameters": trial.parameters, "seconds": trial.seconds,
        "finishedAt": trial.finishedAt,
      ]
      if let failure = trial.failure { object["failure"] = failure }
      if let cut = trial.cut { object["cut"] = cut.rawValue }
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self) + "\n"
    }.joined()
  }
}
