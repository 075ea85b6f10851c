import ArgumentParser
import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

#if canImport(Glibc)
  import Glibc
#endif

/// `mtl tune CONFIG --budget 5m`: search the settings on dev data, then evaluate the kept
/// trial's model. Everything goes into `<output.directory>/tune/`, so a tune never replaces
/// the model `mtl pipeline` or `mtl train` wrote into the same output folder.
struct Tune: ParsableCommand {
  /// The folder, inside the output directory, that tune writes into.
  static let folder = "tune"

  static let configuration = CommandConfiguration(
    abstract: "Search the settings that score best on dev data, within a time budget.",
    discussion: """
      Trial 1 is the configuration as given; each later trial draws the learning rate, \
      dimension, word and character n-grams, buckets and class weighting (with several tasks \
      also the task weights and the sampling temperature) from the seed, and stops early on \
      dev. Trials run on every core. No trial starts that would not finish within the budget, \
      and a trial still training when it runs out is cut (trial 1 always finishes). The trial \
      kept is the cheapest (smallest model) of those within one standard error of the highest \
      dev score. Test files are read only after the search, to evaluate the kept trial's \
      model. Writes tuned.yaml (which `mtl pipeline` reproduces), model.mtl, vocabulary.tsv, \
      report.json, report.md, report.html and trials.jsonl into OUTPUT/tune/, beside (never \
      over) the pipeline's files. Ctrl-C ends the search and keeps the best trial so far.

      Examples:
        mtl tune corpora/default.yaml --budget 5m
        mtl tune config.yaml --budget 90s --objective sentiment
        mtl tune config.yaml --trials 8     (a result that depends only on the seed)

      See docs/REPORTS.md (tuning) and docs/CONFIGURATION.md.
      """
  )

  @OptionGroup var options: ConfigurationOptions

  @Option(help: "Time the search may take: seconds (90) or with a unit (30s, 5m, 1h).")
  var budget = TimeBudget(seconds: 300)

  @Option(help: "Maximize this task's dev score instead of the mean over tasks.")
  var objective: String?

  @Option(help: "Stop after this many trials, for a result that depends only on the seed.")
  var trials: Int?

  func validate() throws {
    if let trials, trials < 1 { throw ValidationError("--trials must be at least 1") }
  }

  func run() throws {
    let names =
      ["tuned.yaml"] + ModelOutputFiles.fileNames + [
        "report.json", "report.md", "report.html", "trials.jsonl",
      ]
    let run = try options.load(
      writing: names.map { Self.folder + "/" + $0 }, vocabularyCopy: false)
    if let objective, run.pipeline.task(named: objective) == nil {
      throw CommandFailure(
        "--objective \(objective): the configuration has no such task; its tasks are "
          + run.pipeline.tasks.map { "\"\($0.name)\"" }.joined(separator: ", "))
    }
    Interruption.enter(.stopAtNextCheck, message: "Error: interrupted again; nothing was written\n")
    let tuner = Tuner(configuration: run.pipeline, budget: budget.seconds, objective: objective)
    let progress = TuneProgress(quiet: options.quiet, budget: budget.seconds)
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
    let directory =
      (run.output.directory as NSString).appendingPathComponent(Self.folder)
      as NSString
    var written: [String] = []
    let tuned = try TunedConfiguration.yaml(
      originalPath: options.configuration,
      overrides: options.overrides + ["training.epochs=auto", "training.threads=1"]
        + result.best.overrides)
    let tunedPath = directory.appendingPathComponent("tuned.yaml")
    let files = ModelOutputFiles(directory: directory as String)
    let modelPath = files.modelPath
    var report = try MultiTaskText.Pipeline(configuration: run.pipeline).evaluate(
      result.trained, modelPath: modelPath)
    report.tuning = TuningSummary(result, objective: objective)
    try Interruption.whileWriting {
      // Everything is prepared first and committed together, so a failure leaves the
      // previous run's files as they were.
      let writer = AtomicFileWriter()
      var prepared = [try writer.prepare(Array(tuned.utf8), to: tunedPath)]
      let model = try files.prepareWithChecksum(result.trained.model)
      prepared += model.files
      written += [tunedPath, modelPath] + files.vocabularyPaths
      report.run = try Provenance.record(
        configuration: tuner.configuration(ofTrial: result.best.number),
        model: result.trained.model, modelChecksum: model.checksum,
        history: result.trained.history)
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
    let renderer = TextReportRenderer(
      colors: TerminalColors.enabled(for: 1), width: TerminalWidth.rendering(1))
    var summary =
      "\(result.trials.count) trial(s)\(interrupted ? " (interrupted)" : ""); kept: trial"
      + " \(result.best.number), dev \(String(format: "%.4f", result.best.objective))\n"
    if let tuning = report.tuning { summary += renderer.renderTuning(tuning) }
    summary += renderer.renderSummary(report) + "wrote:\n"
    for path in written { summary += "  \(path)\n" }
    try OutputWriter.writeSummary(summary)
  }
}
