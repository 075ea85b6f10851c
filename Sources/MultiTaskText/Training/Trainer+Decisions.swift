/// What training fits on dev data after the last epoch, on the kept parameters: each
/// multi-label task's thresholds, and each single-label task's temperature and
/// metric-fitted biases. They change how scores become answers, never the parameters.
extension Trainer {
  /// Fills in the manifest's thresholds, temperatures and biases.
  ///
  /// A multi-label task always gets thresholds, its fixed value for every label unless they
  /// are tuned; without dev data, tuned thresholds fall back to 0.5. A single-label task
  /// gets a temperature only with dev data and `training.calibrate` on, and biases only with
  /// dev data, `training.fitBiases` on and a metric other than accuracy.
  func fitDecisions(
    of manifest: inout ModelManifest, development: DevelopmentSet?,
    parameters: SharedParameters, onEvent: (TrainingEvent) -> Void
  ) {
    for (index, task) in tasks.enumerated() {
      if task.type == .multiLabel {
        let outputs = development?.multiLabelOutputs(ofTask: index, parameters: parameters)
        if let outputs, !outputs.isEmpty {
          manifest.tasks[index].thresholds = outputs.thresholds(task.thresholds)
        } else {
          let fixed: Double
          if case .fixed(let value) = task.thresholds { fixed = value } else { fixed = 0.5 }
          manifest.tasks[index].thresholds = Array(
            repeating: Float(fixed), count: manifest.tasks[index].labels.count)
        }
        manifest.tasks[index].type = .multiLabel
      } else if let development, parameters.tree(ofTask: index) == nil {
        // A tree head keeps its own probabilities: a temperature or biases would need every
        // label's probability to renormalise, which is what the tree exists to avoid.
        fitSingleLabelDecisions(
          of: &manifest.tasks[index], task: task, index: index, development: development,
          parameters: parameters)
      }
    }
  }

  /// Fits a single-label task's temperature, then its biases on the tempered scores, which
  /// are the scores the predictor adds them to.
  private func fitSingleLabelDecisions(
    of described: inout ModelManifest.Task, task: TaskSpecification, index: Int,
    development: DevelopmentSet, parameters: SharedParameters
  ) {
    let fitsBiases = training.fitBiases && MetricBiasFitting.applies(to: task.metric)
    guard training.calibrate || fitsBiases else { return }
    let (logits, truth) = development.singleLabelLogits(ofTask: index, parameters: parameters)
    let labels = parameters.labelCounts[index]
    var temperature: Float = 1
    if training.calibrate {
      temperature = TemperatureScaling.fit(logits: logits, truth: truth, labels: labels)
      if temperature != 1 { described.temperature = temperature }
    }
    guard fitsBiases else { return }
    let inverse = 1 / temperature
    described.biases = MetricBiasFitting.fit(
      scores: temperature == 1 ? logits : logits.map { $0 * inverse }, truth: truth,
      labels: labels, metric: task.metric, labelSet: described.labels)
  }
}
