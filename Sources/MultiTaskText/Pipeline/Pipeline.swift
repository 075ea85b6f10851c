/// The whole job, as a library: read the corpora → build the vocabulary and features → train
/// → evaluate each task's test file → a report.
///
/// Read this type first: each stage is one call, and each call names the layer that does the
/// work (``DatasetFactory`` for the datasets, ``Trainer`` for epochs, ``Evaluator`` for
/// scores). The pipeline reads corpus files but writes nothing and prints nothing; it
/// reports ``PipelineEvent``s, and the caller decides where the model and reports go.
/// `mtl pipeline` calls ``train(shouldStop:onEvent:)``,
/// writes the model, then calls ``evaluate(_:modelPath:onEvent:)``; `mtl compare` calls
/// ``run(shouldStop:onEvent:)`` once per model.
///
/// ```swift
/// let pipeline = Pipeline(configuration: PipelineConfiguration(tasks: tasks))
/// let result = try pipeline.run()
/// result.report.tasks.map(\.metrics.accuracy)
/// ```
public struct Pipeline: Sendable {
  /// What to read, train and evaluate.
  public let configuration: PipelineConfiguration
  /// How many threads read, tokenize and featurize the training corpora; nil means
  /// `training.threads`. Apart so that tests can check that reading on several threads gives
  /// the very model one thread gives, with training on one thread.
  var readingThreads: Int?
  /// The most records the parallel reader puts in one chunk; tests set it small to cross
  /// many chunk boundaries.
  var readingChunkRecords = ParallelReader.defaultChunkRecords

  /// The threads that read and featurize the training corpora.
  var effectiveReadingThreads: Int {
    ThreadCount.clamped(readingThreads ?? configuration.training.threads)
  }

  /// Creates a pipeline.
  ///
  /// - Parameter configuration: The tasks, their corpora and every setting.
  public init(configuration: PipelineConfiguration) { self.configuration = configuration }

  /// Trains, then evaluates every task that has a test file.
  ///
  /// - Parameters:
  ///   - shouldStop: Polled during training; return true to stop (for Ctrl-C).
  ///   - onEvent: Receives progress; may be called from a training thread.
  /// - Returns: The model and its report.
  /// - Throws: ``PipelineError``.
  public func run(
    shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
  ) throws(PipelineError) -> PipelineResult {
    let trained = try train(shouldStop: shouldStop, onEvent: onEvent)
    let report = try evaluate(trained, onEvent: onEvent)
    return PipelineResult(trained: trained, report: report)
  }

  /// Reads the training and dev files and trains one model for every task.
  ///
  /// - Parameters:
  ///   - shouldStop: Polled during training; return true to stop (for Ctrl-C).
  ///   - onEvent: Receives progress; may be called from a training thread.
  /// - Returns: The model with its training history.
  /// - Throws: ``PipelineError``.
  public func train(
    shouldStop: @escaping @Sendable () -> Bool = { false },
    onEvent: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
  ) throws(PipelineError) -> TrainedModel {
    onEvent(.readingCorpora)
    var trainer = configuration.trainer
    var base: MultiTaskModel?
    if let path = configuration.training.initialModel {
      let model: MultiTaskModel
      do { model = try ModelFile.read(path: path) } catch { throw .initialModel(error) }
      do { trainer = try trainer.continuing(from: model) } catch { throw .training(error) }
      base = model
    }
    let builder = try readTrainingSet(
      datasets: DatasetFactory(settingsOf: trainer), continuing: base)
    let start = ContinuousClock.now
    let plain = try train(
      builder, characterNgrams: false, trainer: trainer,
      continuing: base, firstRun: true, shouldStop: shouldStop, onEvent: onEvent)
    var chosen = plain
    if triesCharacterNgrams(trainer: trainer, tokens: plain.tokens) {
      let range = FeatureConfiguration.automaticCharacterNgramRange
      onEvent(.tryingCharacterNgrams(minimum: range.minimum, maximum: range.maximum))
      let subwords = try train(
        builder, characterNgrams: true, trainer: trainer,
        continuing: base, firstRun: false, shouldStop: shouldStop, onEvent: onEvent)
      let chooses = plain.score.isBeaten(by: subwords.score.value)
      let choice = CharacterNgramChoice(
        minimum: range.minimum, maximum: range.maximum, devScoreWithout: plain.score.value,
        devScoreWith: subwords.score.value, margin: plain.score.margin, chosen: chooses)
      onEvent(.choseCharacterNgrams(choice))
      if chooses { chosen = subwords }
      chosen.trained.history.characterNgrams = choice
    }
    let elapsed = start.duration(to: .now)
    chosen.trained.history.seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    chosen.trained.history.advice = TrainingAdvice.lines(
      history: chosen.trained.history, training: configuration.training)
    return chosen.trained
  }

  /// Whether a second model, with automatic character n-grams, is trained after the first
  /// on `tokens` training tokens, for dev data to choose between them.
  func triesCharacterNgrams(trainer: Trainer, tokens: Int) -> Bool {
    // Without dev data (a dev file, or the slice automatic epochs hold out) there is
    // nothing to choose on.
    FeatureResolver(trainer.features).triesCharacterNgrams(
      trainingTokens: tokens,
      scoresOnDev: configuration.tasks.contains { $0.dev != nil }
        || configuration.training.automaticEpochs,
      multiLabel: configuration.tasks.contains { $0.specification.type == .multiLabel })
  }

  /// One training of a choice between feature settings: its model and its dev score.
  struct Candidate {
    var trained: TrainedModel
    var score: DevScore
    /// The training tokens, which decide whether a second candidate is worth training.
    var tokens: Int
  }

  /// Featurizes what `builder` read, with automatic character n-grams on or off, reads the
  /// dev files encoded alike, and trains. Only the first run reports what reading the
  /// corpora counted.
  private func train(
    _ builder: TrainingSetBuilder, characterNgrams: Bool, trainer: Trainer,
    continuing base: MultiTaskModel?, firstRun: Bool,
    shouldStop: @escaping @Sendable () -> Bool,
    onEvent: @escaping @Sendable (PipelineEvent) -> Void
  ) throws(PipelineError) -> Candidate {
    let data: TrainingData
    do {
      data = try builder.finish(
        features: trainer.features, characterNgrams: characterNgrams,
        threads: effectiveReadingThreads)
    } catch { throw .training(error) }
    let (development, developmentStatistics) = try readDevelopmentSet(
      datasets: DatasetFactory(settingsOf: trainer), data: data)
    var vectors: InitialVectors?
    if let path = configuration.model.pretrainedVectors {
      do {
        vectors = try PretrainedVectorsReader.read(
          path: path, dimension: configuration.model.dimension, vocabulary: data.vocabulary,
          features: data.features)
      } catch { throw .vectors(error) }
    }
    let scores = DevScoreRecorder(
      developmentPaths: Set(configuration.tasks.compactMap { $0.dev?.path }))
    let statistics = data.set.corpusStatistics + developmentStatistics
    scores.record(.corporaRead(statistics))
    let tokens = data.set.tokenCount
    if firstRun {
      onEvent(.trainingsPlanned(triesCharacterNgrams(trainer: trainer, tokens: tokens) ? 2 : 1))
      onEvent(.corporaRead(statistics))
    }
    let recorder = TrainingHistoryRecorder()
    let model: MultiTaskModel
    do {
      model = try trainer.train(
        on: data, development: development, initialVectors: vectors, continuing: base,
        shouldStop: shouldStop,
        onEvent: { event in
          recorder.record(event)
          scores.record(.training(event))
          onEvent(.training(event))
        })
    } catch { throw .training(error) }
    let history = recorder.finish(seconds: 0)
    let score = scores.score(of: history)
    var trained = TrainedModel(model: model, history: history)
    trained.developmentScores = scores.scores(atEpoch: history.keptEpoch ?? history.epochs.count)
    trained.developmentDocuments = score.documents
    return Candidate(trained: trained, score: score, tokens: tokens)
  }

  /// Evaluates every task that has a test file, in task order.
  ///
  /// - Parameters:
  ///   - trained: The model and its history, from ``train(shouldStop:onEvent:)``.
  ///   - modelPath: How to name the model in the report.
  ///   - onEvent: Receives what reading each test file counted.
  /// - Returns: The report; without test files, one with no tasks and the history.
  /// - Throws: ``PipelineError``.
  public func evaluate(
    _ trained: TrainedModel, modelPath: String? = nil,
    onEvent: (PipelineEvent) -> Void = { _ in }
  ) throws(PipelineError) -> EvaluationReport {
    let files = configuration.tasks.compactMap { task in
      task.test.map { (task: task.name, source: $0) }
    }
    return try Self.evaluate(
      trained.model, on: files, skipInvalid: configuration.training.skipInvalid,
      modelPath: modelPath, history: trained.history, onEvent: onEvent)
  }

  /// Evaluates `model` on corpus files, one per task, and gathers the results into a report.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - files: Task names with the file to evaluate each on, in report order.
  ///   - skipInvalid: Whether malformed records are skipped.
  ///   - modelPath: How to name the model in the report.
  ///   - history: The training history, when the report follows training.
  ///   - explainingMistakes: How many of each task's most confident mistakes to explain.
  ///   - onEvent: Receives what reading each file counted.
  /// - Returns: The report.
  /// - Throws: ``PipelineError``.
  public static func evaluate(
    _ model: MultiTaskModel, on files: [(task: String, source: CorpusSource)],
    skipInvalid: Bool = false, modelPath: String? = nil, history: TrainingHistory? = nil,
    explainingMistakes: Int = 0, onEvent: (PipelineEvent) -> Void = { _ in }
  ) throws(PipelineError) -> EvaluationReport {
    let evaluator = Evaluator(model: model)
    var tasks: [TaskReport] = []
    for (name, source) in files {
      let scorer: TaskScorer
      do {
        scorer = try evaluator.scorer(forTask: name, explainingMistakes: explainingMistakes)
      } catch { throw .evaluation(error) }
      let multiLabel = model.manifest.tasks.first { $0.name == name }?.isMultiLabel ?? false
      let statistics = try CorpusFile.readEvaluation(
        source, task: name, split: "test", multiLabel: multiLabel, skipInvalid: skipInvalid
      ) {
        (example) throws(PipelineError) in
        do throws(EvaluationError) { try scorer.record(example) } catch {
          throw .evaluation(error)
        }
      }
      onEvent(.evaluated(task: name, statistics: statistics))
      let manifestTask = model.manifest.tasks.first { $0.name == name }
      var report = TaskReport(
        name: name, file: source.path, confusion: scorer.matrix,
        trainingLabelCounts: manifestTask?.labelCounts)
      report.multiLabel = scorer.multiLabelReport
      report.mistakes = scorer.mistakes
      report.calibration = scorer.calibrationReport
      report.documentsWithoutKnownTokens = scorer.documentsWithoutKnownTokens
      report.abstention = scorer.abstentionReport
      report.documentOutcomes = scorer.outcomes
      if let manifestTask, manifestTask.isMultiLabel {
        let metric = manifestTask.metric ?? .accuracy
        report.select(by: metric, labels: manifestTask.labels)
      } else if let manifestTask, let metric = manifestTask.metric {
        report.select(by: metric, labels: manifestTask.labels)
      }
      tasks.append(report)
    }
    return EvaluationReport(modelPath: modelPath, tasks: tasks, history: history)
  }
}
