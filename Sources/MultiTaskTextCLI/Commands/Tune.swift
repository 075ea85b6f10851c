import ArgumentParser
import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

#if canImport(Glibc)
  import Glibc
#endif

/// `mtl tune CONFIG --budget SECONDS`: search the settings on dev data, then train and
/// evaluate the best.
struct Tune: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Search the settings that score best on dev data, within a time budget.",
    discussion: """
      Trial 1 is the configuration as given; each later trial draws the learning rate, \
      dimension, word and character n-grams, buckets and class weighting (with several tasks \
      also the task weights and the sampling temperature) from the seed, and stops early on \
      dev. Trials run on every core. Test files are read only after the search, to evaluate \
      the best trial's model. Writes tuned.yaml (which `mtl pipeline` reproduces), model.mtl, \
      vocabulary.tsv, report.json, report.md, report.html and trials.jsonl into \
      output.directory. Ctrl-C ends the search and keeps the best trial so far.
      """
  )

  @OptionGroup var options: ConfigurationOptions

  @Option(help: "Seconds the search may take.")
  var budget: Double = 300

  @Option(help: "Maximize this task's dev score instead of the mean over tasks.")
  var objective: String?

  @Option(help: "Stop after this many trials, for a result that depends only on the seed.")
  var trials: Int?

  func validate() throws {
    guard budget > 0, budget.isFinite else {
      throw ValidationError("--budget must be a positive number of seconds")
    }
    if let trials, trials < 1 { throw ValidationError("--trials must be at least 1") }
  }

  func run() throws {
    let run = try options.load(
      writing: [
        "tuned.yaml", "model.mtl", "vocabulary.tsv", "report.json", "report.md", "report.html",
        "trials.jsonl",
      ], vocabularyCopy: false)
    if let objective, run.pipeline.task(named: objective) == nil {
      throw CommandFailure(
        "--objective \(objective): the configuration has no such task; its tasks are "
          + run.pipeline.tasks.map { "\"\($0.name)\"" }.joined(separator: ", "))
    }
    Interruption.enter(.stopAtNextCheck, message: "Error: interrupted again; nothing was written\n")
    let tuner = Tuner(configuration: run.pipeline, budget: budget, objective: objective)
    let progress = TuneProgress(quiet: options.quiet, budget: budget)
    let result = try tuner.run(
      maximumTrials: trials, shouldStop: { Interruption.wasRequested },
      onEvent: progress.handle)
    progress.finish()
    let interrupted = Interruption.wasRequested
    // Evaluating the best trial writes nothing, so a (further) signal ends the run at once;
    // a signal that stopped the search is remembered and reported after the files are written.
    Interruption.enter(
      .exitAtOnce,
      message: "Error: interrupted while evaluating the best trial; nothing was written\n")
    let directory = run.output.directory as NSString
    var written: [String] = []
    let tuned = try TunedConfiguration.yaml(
      originalPath: options.configuration,
      overrides: options.overrides + ["training.epochs=auto", "training.threads=1"]
        + result.best.overrides)
    let tunedPath = directory.appendingPathComponent("tuned.yaml")
    let modelPath = directory.appendingPathComponent("model.mtl")
    let vocabularyPath = directory.appendingPathComponent("vocabulary.tsv")
    var report = try MultiTaskText.Pipeline(configuration: run.pipeline).evaluate(
      result.trained, modelPath: modelPath)
    report.tuning = TuningSummary(
      trials: result.trials.map { trial in
        TuningSummary.Point(
          trial: trial.number, score: trial.failure == nil ? trial.objective : nil,
          finishedAt: trial.finishedAt)
      }, best: result.best.number, bestSettings: result.best.overrides)
    try Interruption.whileWriting {
      // Everything is prepared first and committed together, so a failure leaves the
      // previous run's files as they were.
      let writer = AtomicFileWriter()
      var prepared = [
        try writer.prepare(Array(tuned.utf8), to: tunedPath),
        try ModelFile.prepare(result.trained.model, to: modelPath),
        try VocabularyFile.prepare(result.trained.model.vocabulary, to: vocabularyPath),
      ]
      written += [tunedPath, modelPath, vocabularyPath]
      report.run = Provenance.record(
        configuration: tuner.configuration(ofTrial: result.best.number),
        model: result.trained.model, modelPath: modelPath, history: result.trained.history)
      for (name, format) in [
        ("report.json", ReportFormat.json), ("report.md", .markdown), ("report.html", .html),
      ] {
        let path = directory.appendingPathComponent(name)
        prepared.append(try writer.prepare(try format.render(report, colors: false), to: path))
        written.append(path)
      }
      let trialsPath = directory.appendingPathComponent("trials.jsonl")
      prepared.append(
        try writer.prepare(Array(try TrialLog.jsonl(result.trials).utf8), to: trialsPath))
      written.append(trialsPath)
      try prepared.commitAll()
    }
    var summary =
      "\(result.trials.count) trial(s)\(interrupted ? " (interrupted)" : ""); best: trial"
      + " \(result.best.number), dev \(String(format: "%.4f", result.best.objective))\n"
    for override in result.best.overrides { summary += "  \(override)\n" }
    summary +=
      TextReportRenderer(colors: isatty(1) != 0, width: TerminalWidth.rendering(1))
      .renderSummary(report) + "wrote:\n"
    for path in written { summary += "  \(path)\n" }
    try OutputWriter.writeSummary(summary)
  }
}
