/// The examples and the documentation page that end a subcommand's `--help`.
///
/// A reader who scrolled past the options wants to copy a working command line and to know
/// where the whole story is. The argument parser prints a command's discussion above the
/// usage line, so these are appended by ``CommandHelp`` instead.
struct CommandExamples {
  /// One example: what it does, then the command line.
  struct Example {
    var purpose: String
    /// The command; a long one is split over lines ending in ` \`, ready to paste.
    var command: String
  }

  var examples: [Example]
  /// The page, and the section of it, that covers the command.
  var documentation: String

  /// The examples of each subcommand, by name. Every example runs from the repository's
  /// root once `mtl pipeline corpora/default.yaml` has written runs/default.
  static let byCommand: [String: CommandExamples] = [
    "tokenize": CommandExamples(
      examples: [
        Example(
          purpose: "Tokens of each line of a file:", command: "mtl tokenize corpora/sample.txt"),
        Example(
          purpose: "Each token's kind and byte range, from standard input:",
          command: "echo 'Ｗｉｎ £500 now!' | mtl tokenize --format jsonl"),
        Example(
          purpose: "Numbers as <num>, without punctuation:",
          command: "mtl tokenize --number-placeholder --drop-punctuation corpora/sample.txt"),
      ],
      documentation: "README.md, section \"mtl tokenize\""),
    "pretrain": CommandExamples(
      examples: [
        Example(
          purpose: "Vectors for model.pretrainedVectors from the text of a corpus:",
          command: "mtl pretrain corpora/sample.txt --min-count 1 --output runs/vectors.bin"),
        Example(
          purpose: "CBOW word vectors only, as a .vec file:",
          command: "mtl pretrain corpora/sample.txt --min-count 1 --model cbow --output runs/v.vec"),
      ],
      documentation: "docs/CONFIGURATION.md, key model.pretrainedVectors"),
    "train": CommandExamples(
      examples: [
        Example(
          purpose: "Train the three bundled tasks:", command: "mtl train corpora/default.yaml"),
        Example(
          purpose: "Write into another folder, with ten fixed epochs:",
          command: "mtl train corpora/default.yaml --output runs/ten --set training.epochs=10"),
      ],
      documentation:
        "README.md, section \"Training and prediction\"; every key: docs/CONFIGURATION.md"),
    "predict": CommandExamples(
      examples: [
        Example(
          purpose: "Label each line of a file:",
          command: "mtl predict --model runs/default/model.mtl corpora/sample.txt"),
        Example(
          purpose: "The two likeliest labels of one text:",
          command: "echo 'Great film' | mtl predict --model runs/default/model.mtl --top-k 2"),
        Example(
          purpose: "A table, one task only:",
          command:
            "mtl predict --model runs/default/model.mtl --tasks spam --format tsv corpora/sample.txt"
        ),
      ],
      documentation: "README.md, section \"Training and prediction\"; docs/DECISIONS.md"),
    "eval": CommandExamples(
      examples: [
        Example(
          purpose: "Every task on its configured test file:",
          command: "mtl eval --model runs/default/model.mtl --config corpora/default.yaml"),
        Example(
          purpose: "One task on another file, as an HTML report:",
          command:
            "mtl eval --model runs/default/model.mtl --task spam=corpora/spam/test.jsonl"
            + " --format html --output spam.html"),
      ],
      documentation: "docs/REPORTS.md"),
    "pipeline": CommandExamples(
      examples: [
        Example(
          purpose: "Train and evaluate the three bundled tasks:",
          command: "mtl pipeline corpora/default.yaml"),
        Example(
          purpose: "Into another folder, skipping malformed records:",
          command: "mtl pipeline corpora/default.yaml --output runs/mine --skip-invalid"),
        Example(
          purpose: "Change one setting without editing the file:",
          command: "mtl pipeline corpora/default.yaml --set features.dimension=50"),
      ],
      documentation: "docs/REPORTS.md; every key: docs/CONFIGURATION.md"),
    "compare": CommandExamples(
      examples: [
        Example(
          purpose: "Does training the bundled tasks together help them?",
          command: "mtl compare corpora/default.yaml"),
        Example(
          purpose: "The same with fixed epochs, into another folder:",
          command: "mtl compare corpora/default.yaml --set training.epochs=10 --output runs/cmp"),
      ],
      documentation: "docs/MULTITASK.md"),
    "tune": CommandExamples(
      examples: [
        Example(
          purpose: "Search the settings for ten minutes:",
          command: "mtl tune corpora/default.yaml --budget 600"),
        Example(
          purpose: "Twenty trials, scored on one task's dev score:",
          command: "mtl tune corpora/default.yaml --trials 20 --objective spam"),
      ],
      documentation: "README.md, section \"Tuning on dev: mtl tune\"; docs/ACCURACY.md"),
    "serve": CommandExamples(
      examples: [
        Example(
          purpose: "Answer on localhost:8080, the default port:",
          command: "mtl serve --model runs/default/model.mtl"),
        Example(
          purpose: "Ask it from another shell:",
          command:
            "curl -s localhost:8080/v1/predict -H 'Content-Type: application/json' \\\n"
            + "  -d '{\"texts\": [\"Great film\"]}'"),
      ],
      documentation: "docs/SERVING.md"),
    "quantize": CommandExamples(
      examples: [
        Example(
          purpose: "Fit the model into 1 MB:",
          command:
            "mtl quantize runs/default/model.mtl --output runs/default/small.mtl --target-size 1MB"
        ),
        Example(
          purpose: "8-bit rows, heads refitted on the training files:",
          command:
            "mtl quantize runs/default/model.mtl --output small.mtl --bits 8 --retrain"
            + " --config corpora/default.yaml"),
      ],
      documentation: "README.md, section \"Small models: mtl quantize\""),
  ]
}
