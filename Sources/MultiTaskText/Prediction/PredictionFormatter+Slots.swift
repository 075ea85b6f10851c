/// How a task answered a document, in ``PredictionFormatter/writeSlots(ofTask:of:into:)``: the
/// numeric twin of the JSON line's `"reason"`.
public enum AnswerStatus: Int32, Sendable {
  /// The task answered: its label (or, for a multi-label task, its labels) fill the slots.
  case answered = 0
  /// The document has no feature the model knows; the JSON answers `"no known tokens"` and
  /// the slots hold no label.
  case noKnownTokens = 1
  /// A single-label task's top probability is under its minimum; the first slot holds the
  /// candidate the JSON names under `"candidate"`.
  case belowMinimum = 2
}

/// Where ``PredictionFormatter/writeSlots(ofTask:of:into:)`` writes one task's answer: as many
/// label indices, probabilities and selection marks as
/// ``PredictionFormatter/slotCount(ofTask:)`` says.
public struct AnswerSlots {
  /// Label indices, most probable first; -1 in the slots left over.
  public let labels: UnsafeMutablePointer<Int32>
  /// Each slot's probability, as computed (the JSON rounds it to five decimals); 0 when the
  /// slot is empty.
  public let probabilities: UnsafeMutablePointer<Float>
  /// 1 when a multi-label task's label reaches its threshold (the JSON's `"selected"`), else
  /// 0; nil when the caller does not want the marks.
  public let selected: UnsafeMutablePointer<UInt8>?

  /// Slots at the given pointers, each holding at least the task's slot count.
  ///
  /// - Parameters:
  ///   - labels: Where the label indices go.
  ///   - probabilities: Where their probabilities go.
  ///   - selected: Where the selection marks go, or nil to skip them.
  public init(
    labels: UnsafeMutablePointer<Int32>, probabilities: UnsafeMutablePointer<Float>,
    selected: UnsafeMutablePointer<UInt8>?
  ) {
    self.labels = labels
    self.probabilities = probabilities
    self.selected = selected
  }
}

extension PredictionFormatter {
  /// The slots task `task`'s answer takes in ``writeSlots(ofTask:of:into:)``.
  ///
  /// A single-label task takes one for its answer plus one per `topK` label (at most its
  /// labels), so the answer and the `"top"` list come from the same calls as in the JSON; a
  /// multi-label task takes one per listed label: the `topK` most probable with `topK`, else
  /// as many as it has labels, since any number may reach their thresholds.
  ///
  /// - Parameter task: The task's position in the model.
  /// - Returns: The number of slots.
  public func slotCount(ofTask task: Int) -> Int {
    let labels = model.manifest.tasks[task].labels.count
    let listed = options.topK > 0 ? min(options.topK, labels) : 0
    return model.manifest.tasks[task].isMultiLabel ? (listed > 0 ? listed : labels) : 1 + listed
  }

  /// Writes task `task`'s answer for the predictor's last document as numbers: what
  /// ``appendJSONLine(of:originalText:identifier:to:)`` writes as text, for hosts that want
  /// label indices rather than JSON to parse. Explanations are left out.
  ///
  /// - Parameters:
  ///   - task: The task's position in the model.
  ///   - predictor: A predictor of ``model`` that has just run a document.
  ///   - slots: ``slotCount(ofTask:)`` slots.
  /// - Returns: Whether the task answered, or why not.
  public func writeSlots(
    ofTask task: Int, of predictor: Predictor, into slots: AnswerSlots
  ) -> AnswerStatus {
    let count = slotCount(ofTask: task)
    for slot in 0..<count {
      slots.labels[slot] = -1
      slots.probabilities[slot] = 0
      slots.selected?[slot] = 0
    }
    guard predictor.hadKnownFeatures else { return .noKnownTokens }
    if model.manifest.tasks[task].isMultiLabel {
      let selected = predictor.selectedLabels(ofTask: task)
      let listed = options.topK > 0 ? predictor.top(options.topK, ofTask: task) : selected
      for (slot, (label, probability)) in listed.prefix(count).enumerated() {
        slots.labels[slot] = label.rawValue
        slots.probabilities[slot] = probability
        slots.selected?[slot] = selected.contains { $0.label == label } ? 1 : 0
      }
      return .answered
    }
    let (best, probability) = predictor.best(ofTask: task)
    slots.labels[0] = best.rawValue
    slots.probabilities[0] = probability
    slots.selected?[0] = 1
    if options.topK > 0 {
      for (rank, (label, value)) in predictor.top(options.topK, ofTask: task).prefix(count - 1)
        .enumerated()
      {
        slots.labels[rank + 1] = label.rawValue
        slots.probabilities[rank + 1] = value
      }
    }
    if let minimum = minimumProbability(ofTask: task), probability < minimum {
      slots.selected?[0] = 0
      return .belowMinimum
    }
    return .answered
  }
}
