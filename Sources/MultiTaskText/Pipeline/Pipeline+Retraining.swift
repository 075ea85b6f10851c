extension Pipeline {
  /// Reads the documents that retrain a quantized model's heads (`mtl quantize --retrain`):
  /// every labelled record of each task's training file, keeping only that task's label.
  ///
  /// Unlike training, files are not merged across tasks: each document serves the task
  /// whose file it came from, which is all head retraining needs.
  ///
  /// - Parameters:
  ///   - sources: One training file per task, named by its task.
  ///   - multiLabelTasks: The tasks whose records hold lists of labels.
  ///   - skipInvalid: Whether malformed records are skipped.
  /// - Returns: The examples in file order, and what each file's reader counted.
  /// - Throws: ``PipelineError`` for a file that cannot be read or a malformed record.
  public static func readRetrainingExamples(
    _ sources: [CorpusSource], multiLabelTasks: Set<String>, skipInvalid: Bool
  ) throws(PipelineError) -> (examples: [Example], statistics: [CorpusStatistics]) {
    var examples: [Example] = []
    var statistics: [CorpusStatistics] = []
    for source in sources {
      let task = source.taskName
      statistics.append(
        try CorpusFile.read(
          source, task: task, multiLabel: multiLabelTasks.contains(task),
          skipInvalid: skipInvalid
        ) { (example) throws(PipelineError) in
          if example.isLabelled(forTask: task) {
            examples.append(example.keepingLabel(ofTask: task))
          }
        })
    }
    return (examples, statistics)
  }
}
