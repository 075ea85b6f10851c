import Foundation
import MultiTaskText

/// `trials.jsonl`: one JSON object per trial, with its settings, dev scores and times.
enum TrialLog {
  static func jsonl(_ trials: [Trial]) throws -> String {
    try trials.map { trial in
      var object: [String: Any] = [
        "trial": trial.number, "overrides": trial.overrides, "devScores": trial.devScores,
        "objective": trial.objective, "epochs": trial.epochs, "keptEpoch": trial.keptEpoch,
        "seconds": trial.seconds, "finishedAt": trial.finishedAt,
      ]
      if let failure = trial.failure { object["failure"] = failure }
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self) + "\n"
    }.joined()
  }
}
