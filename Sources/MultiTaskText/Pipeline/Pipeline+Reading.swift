extension Pipeline {
  /// Reads every task's training file into a builder, with the checks that need the file:
  /// an empty file, a file whose every record was skipped, a file with no example labelled
  /// for its task, and a task with fewer than two labels, each named with its path.
  ///
  /// Tasks that share one multi-task file share its documents: each task's pass adds its own
  /// label to the document at the same line.
  ///
  /// The builder keeps the tokens, so one reading can be featurized with several settings.
  func readTrainingSet(
    trainer: Trainer, continuing base: MultiTaskModel? = nil
  ) throws(PipelineError) -> TrainingSetBuilder {
    let tasks = configuration.tasks
    let sharedPaths = Set(
      Dictionary(grouping: tasks.map(\.train.path)) { $0 }.filter { $0.value.count > 1 }.keys)
    var builder: TrainingSetBuilder
    do { builder = try trainer.makeTrainingSetBuilder(continuing: base) } catch {
      throw .training(error)
    }
    for (index, task) in tasks.enumerated() {
      let merging = sharedPaths.contains(task.train.path)
      var labelled = 0
      let statistics = try CorpusFile.read(
        task.train, task: task.name, multiLabel: task.type == .multiLabel,
        skipInvalid: configuration.training.skipInvalid
      ) { (example) throws(PipelineError) in
        if example.isLabelled(forTask: task.name) { labelled += 1 }
        do throws(TrainingError) {
          try builder.add(example.keepingLabel(ofTask: task.name), mergingByLocation: merging)
        } catch { throw .training(error) }
      }
      builder.corpusStatistics.append(statistics)
      if statistics.examplesRead == 0 {
        if let first = statistics.skippedProblems.first {
          throw .everyRecordSkipped(
            task: task.name, path: task.train.path, count: statistics.recordsSkipped,
            first: first)
        }
        throw .emptyCorpus(task: task.name, path: task.train.path)
      }
      if labelled == 0 { throw .noLabelledExamples(task: task.name, path: task.train.path) }
      let labels = builder.labels(ofTask: index)
      if labels.count < 2 { throw .training(.tooFewLabels(task: task.name, labels: labels)) }
    }
    return builder
  }

  /// Reads the dev file of every task that has one, encoded like `data`; nil when none has.
  func readDevelopmentSet(
    trainer: Trainer, data: TrainingData
  ) throws(PipelineError) -> (DevelopmentSet?, [CorpusStatistics]) {
    guard configuration.tasks.contains(where: { $0.dev != nil }) else { return (nil, []) }
    var builder: DevelopmentSetBuilder
    do { builder = try trainer.makeDevelopmentSetBuilder(for: data) } catch {
      throw .training(error)
    }
    var statistics: [CorpusStatistics] = []
    for task in configuration.tasks {
      guard let source = task.dev else { continue }
      statistics.append(
        try CorpusFile.read(
          source, task: task.name, multiLabel: task.type == .multiLabel,
          skipInvalid: configuration.training.skipInvalid
        ) { (example) throws(PipelineError) in
          do throws(TrainingError) {
            try builder.add(example.keepingLabel(ofTask: task.name))
          } catch { throw .training(error) }
        })
    }
    return (builder.finish(), statistics)
  }
}
