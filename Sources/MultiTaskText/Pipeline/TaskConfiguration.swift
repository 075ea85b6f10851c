/// One classification task with its corpora: the ``TaskSpecification`` that training, the
/// model and the reports share, plus where its examples come from.
///
/// Several tasks may read the same multi-task file (a JSONL file whose records carry a
/// `labels` object); each then picks its own labels out of every record by ``name``.
public struct TaskConfiguration: Sendable, Equatable {
  /// How the loss of one example is scaled by the frequency of its class.
  public typealias ClassWeighting = MultiTaskText.ClassWeighting

  /// The task itself: its name, loss, head and metric, without its files.
  public var specification: TaskSpecification
  /// The training corpus.
  public var train: CorpusSource
  /// The development corpus, used to report progress and pick thresholds; optional.
  public var dev: CorpusSource?
  /// The held-out test corpus, scored once after training; optional.
  public var test: CorpusSource?
  /// Whether most of the training file may be unlabelled for this task. Off (nil), a file
  /// that only this task reads and whose records mostly lack its label is an error, since
  /// that is usually a misspelt label field; multi-task files shared by several tasks are
  /// never held to it. Optional so that reports written before it still decode.
  public var allowUnlabelled: Bool?

  /// The task's name: letters, digits, `_` and `-`, unique within a configuration. It keys
  /// labels in multi-task files, command-line options and reports.
  public var name: String {
    get { specification.name }
    set { specification.name = newValue }
  }

  /// Creates a task with its corpora.
  ///
  /// - Parameters:
  ///   - specification: The task: its name, loss, head and metric.
  ///   - train: The training corpus; its `taskName` should be the task's name.
  ///   - dev: The optional development corpus.
  ///   - test: The optional test corpus.
  public init(
    _ specification: TaskSpecification, train: CorpusSource, dev: CorpusSource? = nil,
    test: CorpusSource? = nil
  ) {
    self.specification = specification
    self.train = train
    self.dev = dev
    self.test = test
  }

  /// Creates a task with every setting at its default.
  ///
  /// - Parameters:
  ///   - name: The task's name.
  ///   - train: The training corpus; its `taskName` should be `name`.
  ///   - dev: The optional development corpus.
  ///   - test: The optional test corpus.
  public init(
    name: String, train: CorpusSource, dev: CorpusSource? = nil, test: CorpusSource? = nil
  ) {
    self.init(TaskSpecification(name: name), train: train, dev: dev, test: test)
  }

  /// The corpora that are configured, labelled by split, in the order train, dev, test.
  public var sources: [(split: String, source: CorpusSource)] {
    var result = [(split: "train", source: train)]
    if let dev { result.append((split: "dev", source: dev)) }
    if let test { result.append((split: "test", source: test)) }
    return result
  }
}
