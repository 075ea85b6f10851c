import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fitting each task's sparse linear path (``LinearPath``) after the embedding bag, and
/// letting dev data decide whether it is used and how much it weighs.
///
/// Per eligible task (single-label, not a tree head, a training set in memory): weigh the
/// task's training documents by TF-IDF, fit one squared-hinge classifier per label by dual
/// coordinate descent for each cost of ``linearCosts`` (each starting from the last), and
/// score the dev documents with `log p / T + alpha × scores` for each weight of
/// ``linearWeights``, by the task's own metric. The best pair wins, ties going to the
/// smaller weight and then the smaller cost; a weight of 0 is the embedding bag alone. With
/// `auto` the path is kept when it beats the head alone on dev at all (``linearMargin``).
extension Trainer {
  /// The costs tried, increasing, so each fit warm-starts from the last: the middle of
  /// `Benchmarks/linear_baseline.py`'s grid {0.1, 0.3, 1, 3}. Each cost is a fit (1.3 s at
  /// cost 1 on twenty_newsgroups), and the training time may grow by half at most.
  static let linearCosts: [Float] = [0.3, 1]
  /// How much the path's best dev score must beat the head alone's for `auto` to keep it:
  /// nothing. Not the one-standard-error rule of the pipeline's other choices
  /// (the pipeline's dev score margin): on 1,000-example corpora the hold-out is 100 documents, whose
  /// 4-point error refused paths that gained 2 to 5 points on test (ag_news, cr); and half a
  /// point refused, at full data, paths that gained 0.4 to 1.4 on test (ag_news +0.49 on dev,
  /// mpqa +0.48, thucnews_titles +0.31) while sst2's (+0.23 on dev) cost 0.06.
  static let linearMargin = 0.0
  /// The weights of the path's scores tried, increasing; 0 is the embedding bag alone, and
  /// the largest lets the path decide nearly alone (scores differ by about 0.1–2).
  static let linearWeights: [Float] = [0, 0.25, 0.5, 1, 2, 4, 8, 16, 64, 256]

  /// Every task's path (nil where none is used), recording each decision in `manifest`;
  /// empty when no task has a path.
  ///
  /// - Parameters:
  ///   - run: The finished run: its training and dev documents in packed rows.
  ///   - manifest: The model's manifest, temperatures fitted; gets each task's record.
  ///   - parameters: The kept parameters, which score the dev documents' head.
  func fitLinearPaths(
    _ run: TrainingRun, manifest: inout ModelManifest, parameters: SharedParameters
  ) -> [LinearPath?] {
    guard model.linear != .off, !run.set.isCached else { return [] }
    var paths = [LinearPath?](repeating: nil, count: tasks.count)
    for task in tasks.indices
    where tasks[task].type != .multiLabel && parameters.tree(ofTask: task) == nil {
      let columns = LinearColumns(
        set: run.set, task: task, packedRowCount: run.embeddings.usedRows.count)
      guard columns.count > 0 else { continue }
      let selection = LinearPathSelection(
        task: task, columns: columns, development: run.development,
        temperature: manifest.tasks[task].temperature ?? 1, parameters: parameters)
      guard selection.hasDevelopment || model.linear == .on else { continue }
      let fits = fitAndChoose(
        task: task, columns: columns, run: run, selection: selection)
      manifest.tasks[task].linear = fits.record
      guard fits.record.used else { continue }
      paths[task] = LinearPath(
        features: columns.packedRows.map { run.embeddings.usedRows[Int($0)] },
        inverseFrequencies: columns.inverseFrequencies,
        weights: Self.featureMajor(fits.weights, columns: columns.count),
        biases: fits.weights.map { $0[columns.count] }, alpha: fits.record.alpha)
    }
    return paths.contains { $0 != nil } ? paths : []
  }

  /// Fits the task's labels at each cost and keeps the best weights and the record of the
  /// choice.
  private func fitAndChoose(
    task: Int, columns: LinearColumns, run: TrainingRun, selection: LinearPathSelection
  ) -> (weights: [[Float]], record: LinearPathRecord) {
    let rows = columns.trainingRows(of: run.set, task: task)
    let solver = DualCoordinateDescent(rows: rows)
    let labels = run.labelSets[task].count
    // Two labels are one problem: the second label's classifier, negated for the first.
    let fitted = labels == 2 ? [Int32(1)] : (0..<labels).map { Int32($0) }
    let fits = fitted.map {
      LinearLabelFit(
        label: $0, task: task, documents: rows.count, columns: columns.count,
        seed: training.seed)
    }
    let costs = selection.hasDevelopment ? Self.linearCosts : [1]
    var best = (score: -Double.infinity, alpha: Float(1), cost: Float(1))
    var bestWeights: [[Float]] = []
    for cost in costs {
      // Every core: the fits do not depend on the threads, so one thread's model is kept.
      let threads = max(training.threads, ProcessInfo.processInfo.activeProcessorCount)
      LinearLabelFit.fitAll(fits, cost: cost, solver: solver, threads: threads)
      let weights =
        labels == 2 ? [fits[0].weights.map { -$0 }, fits[0].weights] : fits.map(\.weights)
      guard selection.hasDevelopment else {
        bestWeights = weights
        break
      }
      let choice = selection.bestWeight(
        weights: weights, metric: tasks[task].metric, labels: run.labelSets[task],
        allowsNone: model.linear == .auto)
      if choice.score > best.score {
        best = (choice.score, choice.alpha, cost)
        bestWeights = weights
      }
    }
    let without =
      selection.hasDevelopment
      ? selection.scoreWithout(metric: tasks[task].metric, labels: run.labelSets[task]) : nil
    // The path must beat the head alone on dev, or `auto` leaves it out.
    let margin = without.map { _ in Self.linearMargin }
    let beats = without.map { best.score > $0 + Self.linearMargin } ?? true
    let used = best.alpha > 0 && (beats || model.linear == .on)
    return (
      bestWeights,
      LinearPathRecord(
        used: used, alpha: used ? best.alpha : 0, cost: Double(best.cost),
        features: columns.count, developmentScore: without == nil ? nil : best.score,
        developmentScoreWithout: without, margin: margin)
    )
  }

  /// Label-major weights (one array per label, the bias last) laid out one row of label
  /// weights per column, as ``LinearPath`` reads them.
  static func featureMajor(_ weights: [[Float]], columns: Int) -> [Float] {
    var result = [Float](repeating: 0, count: columns * weights.count)
    for (label, values) in weights.enumerated() {
      for column in 0..<columns { result[column * weights.count + label] = values[column] }
    }
    return result
  }
}
