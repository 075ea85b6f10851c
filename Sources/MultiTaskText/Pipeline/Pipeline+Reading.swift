extension Pipeline {
  /// Reads every task's training file into a builder, with the checks that need the file:
  /// an empty file, a file whose every record was skipped, a file with no example labelled
  /// for its task, and a task with fewer than two labels, each named with its path.
  ///
  /// Tasks whose training files are the same file, read the same way, share its documents
  /// and read it once: each record adds every such task's label to one document. The
  /// documents enter the builder in the order one pass per task gave before (those the
  /// first task labels, in file order, then those only a later task labels, when that task's
  /// turn comes), so the models of shared-file configurations keep their bytes.
  ///
  /// The builder keeps the tokens, so one reading can be featurized with several settings.
  func readTrainingSet(
    trainer: Trainer, continuing base: MultiTaskModel? = nil
  ) throws(PipelineError) -> TrainingSetBuilder {
    let tasks = configuration.tasks
    var builder: TrainingSetBuilder
    do { builder = try trainer.makeTrainingSetBuilder(continuing: base) } catch {
      throw .training(error)
    }
    /// Per task index: the examples only it (among its group, first) labels, waiting for
    /// its turn; and how many examples label it.
    var deferred: [Int: [(example: Example, tokens: TokenizedDocument?)]] = [:]
    var labelled = [Int](repeating: 0, count: tasks.count)
    var statisticsOfGroup: [Int: CorpusStatistics] = [:]
    let groups = Self.sharedReadings(of: tasks)
    // With several threads, texts are tokenized ahead on all of them and reach the builder
    // in file order with their tokens, which gives the same builder as one thread.
    let parallel =
      effectiveReadingThreads > 1
      ? try ParallelReader(
        threads: effectiveReadingThreads, text: trainer.text, chunkRecords: readingChunkRecords)
      : nil
    func add(_ example: Example, tokens: TokenizedDocument?) throws(PipelineError) {
      do throws(TrainingError) {
        if let tokens {
          try builder.add(example, tokenized: tokens)
        } else {
          try builder.add(example)
        }
      } catch { throw .training(error) }
    }
    for (index, task) in tasks.enumerated() {
      let group = groups[index]
      if group.first == index {
        let names = group.map { tasks[$0].name }
        var sharing: [String: Bool] = [:]
        for member in group.dropFirst() {
          sharing[tasks[member].name] = tasks[member].specification.type == .multiLabel
        }
        func consume(_ example: Example, tokens: TokenizedDocument?) throws(PipelineError) {
          let kept = example.keepingLabels(ofTasks: names)
          guard let first = group.first(where: { kept.isLabelled(forTask: tasks[$0].name) })
          else { return }
          for member in group where kept.isLabelled(forTask: tasks[member].name) {
            labelled[member] += 1
          }
          if first == index {
            try add(kept, tokens: tokens)
          } else {
            deferred[first, default: []].append((kept, tokens?.detached()))
          }
        }
        let statistics: CorpusStatistics
        if let parallel {
          statistics = try parallel.read(
            task.train, task: task.name, multiLabel: task.specification.type == .multiLabel,
            sharingTasks: sharing, skipInvalid: configuration.training.skipInvalid
          ) { (example, tokens) throws(PipelineError) in try consume(example, tokens: tokens) }
        } else {
          statistics = try CorpusFile.read(
            task.train, task: task.name, multiLabel: task.specification.type == .multiLabel,
            sharingTasks: sharing, skipInvalid: configuration.training.skipInvalid
          ) { (example) throws(PipelineError) in try consume(example, tokens: nil) }
        }
        builder.corpusStatistics.append(statistics)
        for member in group { statisticsOfGroup[member] = statistics }
      } else {
        for (example, tokens) in deferred.removeValue(forKey: index) ?? [] {
          try add(example, tokens: tokens)
        }
      }
      guard let statistics = statisticsOfGroup[index] else { continue }
      if statistics.examplesRead == 0 {
        if let first = statistics.skippedProblems.first {
          throw .everyRecordSkipped(
            task: task.name, path: task.train.path, count: statistics.recordsSkipped,
            first: first)
        }
        throw .emptyCorpus(task: task.name, path: task.train.path)
      }
      try checkLabelled(
        task, statistics: statistics, labelled: labelled[index], readAlone: group.count == 1)
    }
    for (index, task) in tasks.enumerated() {
      let labels = builder.labels(ofTask: index)
      if labels.count < 2 { throw .training(.tooFewLabels(task: task.name, labels: labels)) }
    }
    return builder
  }

  /// Fails when task `task`'s training file labelled none of its records, or, for a file
  /// only this task reads and whose records label no other task, most of them without
  /// `allowUnlabelled`: a misspelt label field otherwise trains on what is left in silence.
  private func checkLabelled(
    _ task: TaskConfiguration, statistics: CorpusStatistics, labelled: Int, readAlone: Bool
  ) throws(PipelineError) {
    let explanation = {
      task.train.unlabelledExplanation(task: task.name, statistics: statistics)
    }
    if labelled == 0 {
      throw .noLabelledExamples(task: task.name, path: task.train.path, explanation: explanation())
    }
    let unlabelled = statistics.unlabelledByTask[task.name] ?? 0
    if readAlone, task.allowUnlabelled != true, unlabelled * 2 > statistics.examplesRead,
      statistics.labelledTasks.allSatisfy({ $0 == task.name })
    {
      throw .mostlyUnlabelled(
        task: task.name, path: task.train.path, unlabelled: unlabelled,
        records: statistics.examplesRead, explanation: explanation())
    }
  }

  /// For each task, the indices of the tasks whose training file it shares, read the same
  /// way (every setting but the task's name), in task order; a task alone is a group of one.
  static func sharedReadings(of tasks: [TaskConfiguration]) -> [[Int]] {
    var groups: [CorpusSource: [Int]] = [:]
    for (index, task) in tasks.enumerated() {
      var key = task.train
      key.taskName = ""
      groups[key, default: []].append(index)
    }
    return tasks.map { task in
      var key = task.train
      key.taskName = ""
      return groups[key] ?? []
    }
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
        try CorpusFile.readEvaluation(
          source, task: task.name, split: "dev", multiLabel: task.specification.type == .multiLabel,
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
