/// The few mistakes of one task that a report explains: the most confident ones, since a
/// model sure of a wrong answer shows most plainly what it keys on.
///
/// Memory stays bounded whatever the test file's size: at most `limit` mistakes are kept, and
/// a mistake is explained only when it would be kept. Ties in confidence keep the earlier
/// document, so a report is the same from run to run.
struct ConfidentMistakes {
  /// The most mistakes kept.
  let limit: Int
  /// The kept mistakes, most confident first.
  private(set) var mistakes: [ExplainedMistake] = []

  /// Considers the predictor's answer for `example`, whose last ``Predictor/run(_:)`` it was.
  ///
  /// - Parameters:
  ///   - example: The document.
  ///   - truth: Its true label for the task.
  ///   - task: The task's position in the model.
  ///   - predictor: The predictor that just ran on `example`'s text.
  mutating func consider(
    _ example: Example, truth: String, task: Int, predictor: Predictor
  ) {
    guard limit > 0 else { return }
    let (label, probability) = predictor.best(ofTask: task)
    guard predictor.model.manifest.tasks[task].labels[label] != truth else { return }
    let position =
      mistakes.firstIndex { $0.explanation.probability < Double(probability) } ?? mistakes.count
    guard position < limit else { return }
    var text = example.text
    let explanation = text.withUTF8 { utf8 in
      predictor.explanation(ofTask: task, originalText: UnsafeRawBufferPointer(utf8))
    }
    mistakes.insert(
      ExplainedMistake(
        text: example.text, location: example.location, truth: truth, explanation: explanation),
      at: position)
    if mistakes.count > limit { mistakes.removeLast() }
  }
}
