import MultiTaskText

extension ModelConfiguration {
  /// The settings of the `model` section.
  static let configurationTable = ConfigurationTable(
    summary: "The size of the shared model. Each task's head is sized by its labels, and the"
      + " input rows by the vocabulary and `features.buckets`.",
    defaults: ModelConfiguration(),
    settings: [
      .integer(
        "dimension", \.dimension, .atLeast(1, atMost: largestDimension),
        summary: "The length of the shared document vector."),
      .integer(
        "privateBuckets", \.privateBuckets, .atLeast(0, expected: "0 (off) or more"),
        summary: "Rows of each task's private embedding table (a shared-private encoder),"
          + " costing tasks × rows × `dimension` × 4 bytes; 0 shares everything."),
      .choice(
        "linear", \.linear,
        summary: "A sparse linear path beside the embedding bag: per task, a TF-IDF linear"
          + " model whose scores are added to the head's log-probabilities. `auto` lets dev"
          + " data decide per task whether it is used and how much it weighs; `on` always uses"
          + " it; `off` trains the embedding bag alone. Single-label tasks without a"
          + " hierarchical head, training sets held in memory."),
      ConfigurationSetting(
        "pretrainedVectors", type: "path", default: "none",
        summary: "A fastText `.vec` file, or a fastText `.bin` model (from `fasttext skipgram`"
          + " or `mtl pretrain`), whose vectors start the rows of the words it knows; a `.bin`"
          + " also gives words it lacks a vector from their character n-grams, and starts the"
          + " character n-gram buckets. Its dimension must be `model.dimension`."
      ) { object, key, model throws(ConfigurationError) in
        if let path = try object.string(key) { model.pretrainedVectors = object.resolve(path) }
      },
    ])
}
