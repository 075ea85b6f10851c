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
    datasets: DatasetFactory, continuing base: MultiTaskModel? = nil
  ) throws(PipelineError) -> TrainingSetBuilder {
    let tasks = configuration.tasks
    var reading: SharedFileReading
    do {
      reading = SharedFileReading(
        tasks: tasks, builder: try datasets.makeTrainingSetBuilder(continuing: base))
    } catch { throw .training(error) }
    var statisticsOfGroup: [Int: CorpusStatistics] = [:]
    let groups = Self.sharedReadings(of: tasks)
    // With several threads, texts are tokenized ahead on all of them and reach the builder
    // in file order with their tokens, which gives the same builder as one thread.
    let parallel =
      effectiveReadingThreads > 1
      ? try ParallelReader(
        threads: effectiveReadingThreads, text: datasets.text, chunkRecords: readingChunkRecords)
      : nil
    for (index, task) in tasks.enumerated() {
      let group = groups[index]
      if group.first == index {
        let statistics = try readFile(of: group, into: &reading, parallel: parallel)
        reading.builder.corpusStatistics.append(statistics)
        for member in group { statisticsOfGroup[member] = statistics }
      } else {
        try reading.addDeferred(ofTask: index)
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
        task, statistics: statistics, labelled: reading.labelled[index],
        readAlone: group.count == 1)
    }
    for (index, task) in tasks.enumerated() {
      let labels = reading.builder.labels(ofTask: index)
      if labels.count < 2 { throw .training(.tooFewLabels(task: task.name, labels: labels)) }
    }
    return reading.builder
  }

  /// Reads the training file the tasks of `group` share, on the reading threads when
  /// `parallel` is given, and returns what reading it counted.
  private func readFile(
    of group: [Int], into reading: inout SharedFileReading, parallel: ParallelReader?
  ) throws(PipelineError) -> CorpusStatistics {
    let tasks = configuration.tasks
    let task = tasks[group[0]]
    var sharing: [String: Bool] = [:]
    for member in group.dropFirst() {
      sharing[tasks[member].name] = tasks[member].specification.type == .multiLabel
    }
    if let parallel {
      return try parallel.read(
        task.train, task: task.name, multiLabel: task.specification.type == .multiLabel,
        sharingTasks: sharing, skipInvalid: configuration.training.skipInvalid
      ) { (example, tokens) throws(PipelineError) in
        try reading.consume(example, tokens: tokens, group: group)
      }
    }
    return try CorpusFile.read(
      task.train, task: task.name, multiLabel: task.specification.type == .multiLabel,
      sharingTasks: sharing, skipInvalid: configuration.training.skipInvalid
    ) { (example) throws(PipelineError) in
      try reading.consume(example, tokens: nil, group: group)
    }
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
    datasets: DatasetFactory, data: TrainingData
  ) throws(PipelineError) -> (DevelopmentSet?, [CorpusStatistics]) {
    guard configuration.tasks.contains(where: { $0.dev != nil }) else { return (nil, []) }
    var builder: DevelopmentSetBuilder
    do { builder = try datasets.makeDevelopmentSetBuilder(for: data) } catch {
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
