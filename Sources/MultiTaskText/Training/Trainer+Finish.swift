extension Trainer {
  /// What follows an epoch: its losses to the weighting, its dev scores to the events,
  /// per-task early stopping, keep-best and, with automatic epochs, the plateau rule.
  ///
  /// - Parameter parameters: The parameters the epoch trained, which dev is scored with.
  /// - Returns: False when the plateau rule ends training after this epoch.
  func finishEpoch(
    _ epoch: Int, losses: [Double?], parameters: SharedParameters, of run: inout TrainingRun,
    onEvent: @escaping @Sendable (TrainingEvent) -> Void
  ) -> Bool {
    let taskNames = tasks.map(\.name)
    run.weighting.record(epochLosses: losses)
    let none = [Double?](repeating: nil, count: run.labelSets.count)
    let scores =
      run.development?.score(
        parameters: parameters, metrics: tasks.map(\.metric), labelSets: run.labelSets,
        thresholds: tasks.map(\.thresholds))
      ?? DevelopmentScores(accuracy: none, score: none, loss: none)
    onEvent(
      .epochFinished(
        EpochSummary(
          epoch: epoch, loss: TaskValues(tasks: taskNames, values: losses),
          devAccuracy: TaskValues(tasks: taskNames, values: scores.accuracy),
          devScore: TaskValues(tasks: taskNames, values: scores.score),
          devMetric: TaskValues(tasks: taskNames, values: tasks.map(\.metric)))))
    for task in run.stopping.update(epoch: epoch, scores: scores.score, state: run.state) {
      onEvent(
        .taskStopped(task: taskNames[task], epoch: epoch, keptEpoch: run.stopping.bestEpochs[task]))
    }
    let improved = run.best.consider(
      epoch: epoch, scores: scores, breaksTiesByLoss: training.automaticEpochs,
      embeddings: run.embeddings, state: run.state)
    guard training.automaticEpochs, let bestEpoch = run.best.bestEpoch else { return true }
    switch run.plateau.decide(epoch: epoch, improved: improved) {
    case .goOn: return true
    case .rewind:
      run.best.rewind(embeddings: run.embeddings, state: run.state)
      return true
    case .stop:
      run.lastEpoch = epoch
      if epoch < training.epochs { onEvent(.stoppedEarly(epoch: epoch, bestEpoch: bestEpoch)) }
      return false
    }
  }

  /// The last step: restores the kept epoch, fits the decision thresholds and temperatures
  /// on dev, then each task's sparse linear path, and assembles the model with its manifest.
  func finish(
    _ run: TrainingRun, onEvent: @escaping @Sendable (TrainingEvent) -> Void
  ) -> MultiTaskModel {
    if let kept = run.best.restore(
      lastEpoch: run.lastEpoch, embeddings: run.embeddings, state: run.state)
    {
      onEvent(.keptEpoch(kept))
    }
    var manifest = manifest(
      labelSets: run.labelSets, labelCounts: run.labelCounts, features: run.features)
    var finalParameters = run.state.parameters(
      embeddings: run.embeddings.pointer, labelWeights: run.labelWeights)
    run.heads.configure(&finalParameters, epoch: 0, seed: training.seed)
    fitDecisions(
      of: &manifest, development: run.development, parameters: finalParameters,
      onEvent: onEvent)
    let linearPaths = fitLinearPaths(run, manifest: &manifest, parameters: finalParameters)
    var model = MultiTaskModel(
      manifest: manifest, vocabulary: run.vocabulary, embeddings: run.embeddings.finish(),
      heads: run.state.headMatrices(), privateEmbeddings: run.state.privateMatrices())
    model.linearPaths = linearPaths
    return model
  }
}
