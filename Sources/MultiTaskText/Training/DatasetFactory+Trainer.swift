extension DatasetFactory {
  /// The factory for the datasets `trainer` trains on: its tasks, text and feature settings,
  /// and its training settings' memory budget, cache directory and seed. After
  /// ``Trainer/continuing(from:)`` the documents are read the way the base model read its own.
  ///
  /// - Parameter trainer: The trainer whose settings apply.
  public init(settingsOf trainer: Trainer) {
    self.init(
      tasks: trainer.tasks, text: trainer.text, features: trainer.features,
      memoryBudget: trainer.training.memoryBudget,
      cacheDirectory: trainer.training.effectiveCacheDirectory, seed: trainer.training.seed)
  }
}
