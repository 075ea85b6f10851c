/// Writes a predictor's answer for its last document as the JSON object or TSV row that
/// `mtl predict` prints, one document at a time into a reusable byte buffer.
///
/// Every consumer of predictions (the CLI, the server, the C and Python bindings) goes
/// through this one type, so their objects have the same keys and the same numbers. A JSON
/// line is keyed by task:
///
/// - a single-label task: `{"label": "Sports", "probability": 0.97123}`, with `"top"` for
///   `topK` and `"explanation"` for `explain`;
/// - a multi-label task: `{"labels": [{"label": "joy", "probability": 0.91}, …]}`, the
///   labels at or above their thresholds, most probable first, possibly none; with `topK`,
///   the `topK` most probable labels whatever the thresholds, each with `"selected"`;
/// - an abstention: `{"label": null, "reason": "no known tokens"}` when the document has no
///   feature the model knows (every task, since the answer would be the untrained prior), or
///   `{"label": null, "reason": "below 0.6", "candidate": "Sports", "probability": 0.41}`
///   when a single-label task's top probability is under its minimum.
public struct PredictionFormatter: Sendable {
  /// The model whose tasks are answered.
  public let model: MultiTaskModel
  /// What each line holds.
  public let options: PredictionOptions
  /// The answered tasks' indices, in model order.
  public let taskIndices: [Int]

  /// Per task, its JSON key with the colon (`"topic":`), escaped once rather than per line.
  private let keys: [[UInt8]]
  /// Per task and label, the label as a quoted JSON string.
  private let labelStrings: [[[UInt8]]]

  /// The reason given when a document has no known feature.
  public static let noKnownTokens = "no known tokens"

  /// Creates a formatter.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - options: What to include.
  /// - Throws: ``PredictionError/unknownTask(_:known:)`` for a task the model lacks.
  public init(model: MultiTaskModel, options: PredictionOptions = PredictionOptions())
    throws(PredictionError)
  {
    self.model = model
    self.options = options
    keys = model.manifest.tasks.map { task in
      var key: [UInt8] = []
      JSONBytes.appendString(task.name, to: &key)
      key.append(UInt8(ascii: ":"))
      return key
    }
    labelStrings = model.manifest.tasks.map { task in
      task.labels.labels.map { label in
        var string: [UInt8] = []
        JSONBytes.appendString(label, to: &string)
        return string
      }
    }
    let names = model.manifest.tasks.map(\.name)
    if let wanted = options.tasks {
      for name in wanted where !names.contains(name) {
        throw .unknownTask(name, known: names)
      }
      taskIndices = names.indices.filter { wanted.contains(names[$0]) }
    } else {
      taskIndices = Array(names.indices)
    }
  }

  /// The minimum probability of task `task`: the options', else the model's, else none.
  func minimumProbability(ofTask task: Int) -> Float? {
    options.minimumProbability ?? model.manifest.tasks[task].minProbability
  }

  /// Appends the JSON object for the predictor's last document and a newline.
  ///
  /// - Parameters:
  ///   - predictor: A predictor of ``model`` that has just run a document.
  ///   - originalText: The document's bytes, so explanations quote tokens as written.
  ///   - identifier: A record's identifier, written first under its field's name (a JSON
  ///     string, or `null` when the record had none), so answers join back to records.
  ///   - bytes: The buffer appended to.
  public func appendJSONLine(
    of predictor: Predictor, originalText: UnsafeRawBufferPointer? = nil,
    identifier: (field: String, value: String?)? = nil, to bytes: inout [UInt8]
  ) {
    bytes.append(UInt8(ascii: "{"))
    if let identifier {
      JSONBytes.appendString(identifier.field, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      if let value = identifier.value {
        JSONBytes.appendString(value, to: &bytes)
      } else {
        JSONBytes.append("null", to: &bytes)
      }
      if !taskIndices.isEmpty { bytes.append(UInt8(ascii: ",")) }
    }
    for (position, task) in taskIndices.enumerated() {
      if position > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(contentsOf: keys[task])
      appendTask(task, of: predictor, originalText: originalText, to: &bytes)
    }
    JSONBytes.append("}\n", to: &bytes)
  }

  private func appendTask(
    _ task: Int, of predictor: Predictor, originalText: UnsafeRawBufferPointer?,
    to bytes: inout [UInt8]
  ) {
    let isMultiLabel = model.manifest.tasks[task].isMultiLabel
    guard predictor.hadKnownFeatures else {
      JSONBytes.append(isMultiLabel ? "{\"labels\":null" : "{\"label\":null", to: &bytes)
      JSONBytes.append(",\"reason\":", to: &bytes)
      JSONBytes.appendString(Self.noKnownTokens, to: &bytes)
      bytes.append(UInt8(ascii: "}"))
      return
    }
    if isMultiLabel {
      appendMultiLabel(task, of: predictor, originalText: originalText, to: &bytes)
      return
    }
    let (best, probability) = predictor.best(ofTask: task)
    if let minimum = minimumProbability(ofTask: task), probability < minimum {
      JSONBytes.append("{\"label\":null,\"reason\":", to: &bytes)
      JSONBytes.appendString("below \(minimum)", to: &bytes)
      JSONBytes.append(",\"candidate\":", to: &bytes)
      bytes.append(contentsOf: labelStrings[task][Int(best.rawValue)])
    } else {
      JSONBytes.append("{\"label\":", to: &bytes)
      bytes.append(contentsOf: labelStrings[task][Int(best.rawValue)])
    }
    JSONBytes.append(",\"probability\":", to: &bytes)
    JSONBytes.appendProbability(probability, to: &bytes)
    if options.topK > 0 {
      JSONBytes.append(",\"top\":[", to: &bytes)
      for (rank, (label, value)) in ranked(task, of: predictor).enumerated() {
        if rank > 0 { bytes.append(UInt8(ascii: ",")) }
        appendLabel(labelStrings[task][Int(label.rawValue)], probability: value, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
      }
      bytes.append(UInt8(ascii: "]"))
    }
    if options.explain > 0 {
      let explanation = predictor.explanation(ofTask: task, originalText: originalText)
      appendExplanation(explanation, to: &bytes)
    }
    bytes.append(UInt8(ascii: "}"))
  }

  private func appendMultiLabel(
    _ task: Int, of predictor: Predictor, originalText: UnsafeRawBufferPointer?,
    to bytes: inout [UInt8]
  ) {
    let selected = predictor.selectedLabels(ofTask: task)
    let listed: [(label: LabelID, probability: Float)] =
      options.topK > 0 ? ranked(task, of: predictor) : selected
    JSONBytes.append("{\"labels\":[", to: &bytes)
    for (rank, (label, probability)) in listed.enumerated() {
      if rank > 0 { bytes.append(UInt8(ascii: ",")) }
      appendLabel(
        labelStrings[task][Int(label.rawValue)], probability: probability, to: &bytes)
      if options.topK > 0 {
        let isSelected = selected.contains { $0.label == label }
        JSONBytes.append(isSelected ? ",\"selected\":true" : ",\"selected\":false", to: &bytes)
      }
      if options.explain > 0 {
        let explanation = predictor.explanation(
          ofTask: task, label: label, reference: .zero, originalText: originalText)
        appendExplanation(explanation, to: &bytes)
      }
      bytes.append(UInt8(ascii: "}"))
    }
    JSONBytes.append("]}", to: &bytes)
  }

  /// `{"label":…,"probability":…` without the closing brace; `label` is quoted already.
  private func appendLabel(_ label: [UInt8], probability: Float, to bytes: inout [UInt8]) {
    JSONBytes.append("{\"label\":", to: &bytes)
    bytes.append(contentsOf: label)
    JSONBytes.append(",\"probability\":", to: &bytes)
    JSONBytes.appendProbability(probability, to: &bytes)
  }

  /// `,"explanation":[…]`: per distinct token or n-gram, its summed contribution and the
  /// byte offsets `[start, end)` of each occurrence in the document, so a repeated word is
  /// one entry that says where it occurs rather than several identical ones.
  private func appendExplanation(_ explanation: Explanation, to bytes: inout [UInt8]) {
    JSONBytes.append(",\"explanation\":[", to: &bytes)
    for (rank, unit) in explanation.mergedTop(options.explain).enumerated() {
      if rank > 0 { bytes.append(UInt8(ascii: ",")) }
      JSONBytes.append("{\"token\":", to: &bytes)
      JSONBytes.appendString(unit.text, to: &bytes)
      JSONBytes.append(",\"contribution\":", to: &bytes)
      JSONBytes.appendSigned(unit.value, to: &bytes)
      JSONBytes.append(",\"offsets\":[", to: &bytes)
      for (index, range) in unit.ranges.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: "[\(range.lowerBound),\(range.upperBound)]".utf8)
      }
      JSONBytes.append("]}", to: &bytes)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  /// Task `task`'s `topK` most probable labels, ties in label order.
  private func ranked(
    _ task: Int, of predictor: Predictor
  ) -> [(label: LabelID, probability: Float)] {
    predictor.top(options.topK, ofTask: task)
  }
}

/// Why predictions could not be set up.
public enum PredictionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A task was asked for that the model does not have.
  case unknownTask(String, known: [String])

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .unknownTask(let name, let known):
      return "the model has no task \"\(name)\"; its tasks are "
        + known.map { "\"\($0)\"" }.joined(separator: ", ")
    }
  }
}
