extension Trainer {
  /// The manifest recording how this trainer prepares text and features, with the training
  /// documents per label when they are known.
  ///
  /// A reproducible run records one thread whatever it ran on: the thread count cannot change
  /// its model, so it must not change the model file's bytes either. Hogwild records its own.
  ///
  /// - Parameters:
  ///   - labelSets: Each task's labels.
  ///   - labelCounts: Training documents per label and task, or nil before they are counted.
  ///   - features: The feature settings the corpus was featurized with; the trainer's own by
  ///     default, which may still have automatic choices to make.
  /// - Returns: The manifest a model trained with these settings carries.
  public func manifest(
    labelSets: [LabelSet], labelCounts: [[Int]]?, features: FeatureConfiguration? = nil
  ) -> ModelManifest {
    var manifest = ModelManifest(
      normalizer: text.normalizer, tokenizer: text.tokenizer, features: features ?? self.features,
      dimension: model.dimension,
      tasks: tasks.indices.map { task in
        var entry = ModelManifest.Task(
          name: tasks[task].name, labels: labelSets[task], weight: tasks[task].weight,
          labelCounts: labelCounts?[task],
          metric: tasks[task].metric == .accuracy ? nil : tasks[task].metric)
        if tasks[task].type == .multiLabel { entry.type = .multiLabel }
        entry.minProbability = tasks[task].minProbability.map(Float.init)
        if tasks[task].loss != .softmax && tasks[task].type == .singleLabel {
          entry.loss = tasks[task].loss
        }
        return entry
      },
      training: recordedTraining)
    manifest.privateRows = model.privateBuckets > 0 ? model.privateBuckets : nil
    return manifest
  }

  /// The training settings a model file records: these, with one thread when reproducible.
  var recordedTraining: TrainingConfiguration {
    var recorded = training
    if recorded.reproducible { recorded.threads = 1 }
    return recorded
  }
}
