extension DatasetFactory {
  /// The factory for the datasets `trainer` trains on: its tasks and its text, feature and
  /// training settings, after ``Trainer/continuing(from:)`` when training continues, so the
  /// documents are read the way the base model read its own.
  init(settingsOf trainer: Trainer) {
    self.init(
      tasks: trainer.tasks, text: trainer.text, features: trainer.features,
      training: trainer.training)
  }
}
