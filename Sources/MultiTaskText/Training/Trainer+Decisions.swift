/// What training fits on dev data after the last epoch, on the kept parameters: each
/// multi-label task's thresholds and each single-label task's temperature. Both change how
/// probabilities become answers, never the parameters.
extension Trainer {
  /// Fills in the manifest's thresholds and temperatures.
  ///
  /// A multi-label task always gets thresholds, its fixed value for every label unless they
  /// are tuned; without dev data, tuned thresholds fall back to 0.5. A single-label task
  /// gets a temperature only with dev data and `training.calibrate` on.
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
      } else if training.calibrate, let development, parameters.tree(ofTask: index) == nil {
        // A tree head keeps its own probabilities: a temperature would need every label's
        // probability to renormalise, which is what the tree exists to avoid.
        let (logits, truth) = development.singleLabelLogits(
          ofTask: index, parameters: parameters)
        let temperature = TemperatureScaling.fit(
          logits: logits, truth: truth, labels: parameters.labelCounts[index])
        if temperature != 1 { manifest.tasks[index].temperature = temperature }
      }
    }
  }
}
