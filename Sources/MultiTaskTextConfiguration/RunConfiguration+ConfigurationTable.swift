import MultiTaskText

extension RunConfiguration {
  /// The key of the training section, which is decoded before the others.
  static let trainingKey = "training"

  /// The top level of a configuration file: the tasks, then one section per pipeline stage,
  /// then where results go.
  static let configurationTable = ConfigurationTable(
    summary: "A configuration file is a YAML or JSON mapping with these keys.",
    defaults: RunConfiguration(
      pipeline: PipelineConfiguration(tasks: []), output: OutputConfiguration(directory: "")),
    settings: [
      ConfigurationSetting(
        "tasks", type: "list of mappings", default: "required",
        summary: "The tasks trained together into one model, each with its own corpora.",
        subsection: TaskConfiguration.configurationTable.reference, isList: true
      ) { root, key, run throws(ConfigurationError) in
        run.pipeline.tasks = try TaskConfiguration.decodeList(
          in: root, key: key, skipsInvalid: run.pipeline.training.skipInvalid)
      },
      .section(
        "text", \.pipeline.text, table: TextConfiguration.configurationTable,
        summary: "How raw text is normalized and cut into tokens."),
      .section(
        "model", \.pipeline.model, table: ModelConfiguration.configurationTable,
        summary: "The size of the shared model."),
      .section(
        "features", \.pipeline.features, table: FeatureConfiguration.configurationTable,
        summary: "Which n-grams become features, and the vocabulary's limits."),
      .section(
        trainingKey, \.pipeline.training, table: TrainingConfiguration.configurationTable,
        summary: "The optimization schedule and how the tasks are interleaved."),
      .section(
        "output", \.output, table: OutputConfiguration.configurationTable,
        startingFrom: { OutputConfiguration.defaults(for: $0) },
        summary: "Where the run writes its model, vocabulary and reports."),
    ])
}
