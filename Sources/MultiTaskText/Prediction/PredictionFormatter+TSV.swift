extension PredictionFormatter {
  /// The TSV header: per answered task a label, a probability and a reason column, after an
  /// identifier column when `identifierField` is given.
  ///
  /// - Parameter identifierField: The name of the identifier column, or nil for none.
  /// - Returns: The header line, with its newline.
  public func tsvHeader(identifierField: String? = nil) -> String {
    let identifier = identifierField.map { [Self.tsvEscaped($0)] } ?? []
    let columns = taskIndices.map { index in
      let name = Self.tsvEscaped(model.manifest.tasks[index].name)
      return "\(name)\t\(name)_probability\t\(name)_reason"
    }
    return (identifier + columns).joined(separator: "\t") + "\n"
  }

  /// Appends the TSV row for the predictor's last document: per task its label (a
  /// multi-label task's labels joined by `|`), its top probability, and why the label cell
  /// is empty when it is.
  ///
  /// An abstention leaves the label empty and names its reason (`no known tokens`, or
  /// `below 0.6` with the candidate's probability). A document with no known token leaves
  /// the probability empty too: the number would be the untrained prior, not an answer. A
  /// multi-label task whose labels all miss their thresholds answers the empty set, which is
  /// an answer, so its reason stays empty.
  ///
  /// Labels are escaped as in ``tsvEscaped(_:alsoEscaping:)``, so a label holding a tab or a
  /// line break cannot add a column or a row.
  ///
  /// - Parameters:
  ///   - predictor: A predictor of ``model`` that has just run a document.
  ///   - identifier: The record's identifier for the first column, when the header has one;
  ///     nil leaves the cell empty.
  ///   - hasIdentifier: Whether the header has an identifier column.
  ///   - bytes: The buffer appended to.
  public func appendTSVRow(
    of predictor: Predictor, identifier: String? = nil, hasIdentifier: Bool = false,
    to bytes: inout [UInt8]
  ) {
    if hasIdentifier {
      bytes.append(contentsOf: Self.tsvEscaped(identifier ?? "").utf8)
      if !taskIndices.isEmpty { bytes.append(UInt8(ascii: "\t")) }
    }
    for (position, task) in taskIndices.enumerated() {
      if position > 0 { bytes.append(UInt8(ascii: "\t")) }
      appendTSVCells(ofTask: task, of: predictor, to: &bytes)
    }
    bytes.append(UInt8(ascii: "\n"))
  }

  /// One task's label, probability and reason cells.
  private func appendTSVCells(ofTask task: Int, of predictor: Predictor, to bytes: inout [UInt8]) {
    guard predictor.hadKnownFeatures else {
      JSONBytes.append("\t\t", to: &bytes)
      bytes.append(contentsOf: Self.noKnownTokens.utf8)
      return
    }
    let manifestTask = model.manifest.tasks[task]
    let (best, probability) = predictor.best(ofTask: task)
    var reason = ""
    if manifestTask.isMultiLabel {
      let names = predictor.selectedLabels(ofTask: task).map {
        Self.tsvEscaped(manifestTask.labels[$0.label], alsoEscaping: "|")
      }
      bytes.append(contentsOf: names.joined(separator: "|").utf8)
    } else if let minimum = minimumProbability(ofTask: task), probability < minimum {
      reason = "below \(minimum)"
    } else {
      bytes.append(contentsOf: Self.tsvEscaped(manifestTask.labels[best]).utf8)
    }
    bytes.append(UInt8(ascii: "\t"))
    JSONBytes.appendProbability(probability, to: &bytes)
    bytes.append(UInt8(ascii: "\t"))
    bytes.append(contentsOf: reason.utf8)
  }

  /// `text` with a backslash, tab, line feed and carriage return written as `\\`, `\t`,
  /// `\n` and `\r` (the convention of PostgreSQL's and Hive's text formats), and
  /// `alsoEscaping` preceded by a backslash, so each value stays one TSV cell.
  ///
  /// - Parameters:
  ///   - text: The value.
  ///   - special: One more character to escape, such as the `|` that joins labels.
  /// - Returns: The escaped value.
  public static func tsvEscaped(_ text: String, alsoEscaping special: Character? = nil) -> String {
    let needsEscaping =
      text.unicodeScalars.contains { "\\\t\n\r".unicodeScalars.contains($0) }
      || special.map { text.contains($0) } == true
    guard needsEscaping else { return text }
    var escaped = ""
    for character in text {
      switch character {
      case "\\": escaped += "\\\\"
      case "\t": escaped += "\\t"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\r\n": escaped += "\\r\\n"
      default:
        if character == special { escaped += "\\" }
        escaped.append(character)
      }
    }
    return escaped
  }
}
