/// What a ``Pipeline`` reports while it works, stage by stage. The pipeline never prints; the
/// command-line tool renders these as progress and warnings.
public enum PipelineEvent: Sendable {
  /// Reading and featurizing the training and dev files begins.
  case readingCorpora
  /// The training and dev files were read: what each file's reader counted (records skipped
  /// as invalid, lines whose invalid UTF-8 was repaired), in the order read. Sent once, just
  /// before the first epoch.
  case corporaRead([CorpusStatistics])
  /// How many models this run trains, sent once just before ``corporaRead(_:)``: 2 when
  /// automatic character n-grams will train a second one for dev to choose between them
  /// (``tryingCharacterNgrams(minimum:maximum:)`` announces it), else 1. A progress display
  /// draws one bar across all of them instead of starting again at 0%.
  case trainingsPlanned(Int)
  /// Automatic character n-grams: the model without them is trained, and one with this range
  /// is trained next, for the dev data to choose between them.
  case tryingCharacterNgrams(minimum: Int, maximum: Int)
  /// Automatic character n-grams were chosen, or not, on dev.
  case choseCharacterNgrams(CharacterNgramChoice)
  /// The trainer reported progress.
  case training(TrainingEvent)
  /// A task's test file was evaluated.
  case evaluated(task: String, statistics: CorpusStatistics)
}
