@testable import MultiTaskText

extension Trainer {
  /// The dataset factory of this trainer's settings, as the pipeline makes it, so a test can
  /// build the data a trainer of these settings trains on.
  var datasets: DatasetFactory { DatasetFactory(settingsOf: self) }
}
