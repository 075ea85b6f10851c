/// Reads one task's corpus file record by record: the single place where the pipeline opens a
/// ``CorpusReader``, for training, dev and test files alike.
///
/// The task's name selects the label of single-task records, the label field is checked, and
/// `skipInvalid` is applied here, once, on top of the source's own setting.
enum CorpusFile {
  /// Streams the examples of `source` for task `task` into `body`.
  ///
  /// - Parameters:
  ///   - source: The file and how to read it.
  ///   - task: The task whose labels the records carry.
  ///   - skipInvalid: Whether malformed records are skipped even if the source does not say so.
  ///   - body: Receives each example in file order.
  /// - Returns: What the reader counted: records read, skipped and repaired.
  /// - Throws: ``PipelineError/corpus(_:)`` for a read or record error, or what `body` throws.
  static func read(
    _ source: CorpusSource, task: String, multiLabel: Bool = false,
    sharingTasks: [String: Bool] = [:], skipInvalid: Bool,
    _ body: (Example) throws(PipelineError) -> Void
  ) throws(PipelineError) -> CorpusStatistics {
    let reader = try open(
      source, task: task, multiLabel: multiLabel, sharingTasks: sharingTasks,
      skipInvalid: skipInvalid)
    while true {
      let example: Example?
      do { example = try reader.next() } catch { throw .corpus(error) }
      guard let example else { break }
      try body(example)
    }
    return reader.statistics
  }

  /// Opens the reader ``read(_:task:multiLabel:sharingTasks:skipInvalid:_:)`` reads from,
  /// for a caller that reads it in its own way (``ParallelReader``).
  ///
  /// - Throws: ``PipelineError/corpus(_:)`` when the file cannot be opened.
  static func open(
    _ source: CorpusSource, task: String, multiLabel: Bool, sharingTasks: [String: Bool],
    skipInvalid: Bool
  ) throws(PipelineError) -> CorpusReader {
    var source = source
    source.taskName = task
    source.readsLabelLists = multiLabel
    source.sharingTasks = sharingTasks
    source.checksLabelField = true
    if skipInvalid { source.skipInvalid = true }
    do { return try CorpusReader(source: source) } catch { throw .corpus(error) }
  }

  /// Reads a dev or test file like ``read(_:task:multiLabel:sharingTasks:skipInvalid:_:)``,
  /// and fails when it gave no example labelled for `task`.
  ///
  /// Zero examples would otherwise give a report of zeros and exit 0; the usual cause is a
  /// format that does not fit the file (`format: fasttext` on a JSONL file).
  ///
  /// - Parameter split: `dev` or `test`, for the message.
  /// - Throws: ``PipelineError/noEvaluationExamples(task:path:split:records:expected:)``, or
  ///   what reading throws.
  static func readEvaluation(
    _ source: CorpusSource, task: String, split: String, multiLabel: Bool, skipInvalid: Bool,
    _ body: (Example) throws(PipelineError) -> Void
  ) throws(PipelineError) -> CorpusStatistics {
    var labelled = 0
    let statistics = try read(
      source, task: task, multiLabel: multiLabel, skipInvalid: skipInvalid
    ) { (example) throws(PipelineError) in
      if example.isLabelled(forTask: task) { labelled += 1 }
      try body(example)
    }
    if labelled == 0 {
      var described = source
      described.taskName = task
      throw .noEvaluationExamples(
        task: task, path: source.path, split: split, records: statistics.examplesRead,
        expected: described.labelledRecordDescription)
    }
    return statistics
  }
}
