extension CorpusSource {
  /// What a labelled record of this source looks like, in words, for errors about a file
  /// that gave no labelled example: usually the format is wrong for the file, and saying
  /// what was looked for shows it.
  var labelledRecordDescription: String {
    var description: String
    switch format {
    case .jsonl:
      description =
        "JSON lines with a \"\(labelField)\" or \"\(labelsField)\" field (format: jsonl)"
    case .csv, .tsv:
      let column =
        resolvedLabelColumns[taskName].map { reference -> String in
          switch reference {
          case .name(let name): return "a \"\(name)\" column"
          case .index(let index): return "a label in column \(index)"
          }
        } ?? "a label column"
      description = "\(format.rawValue) rows with \(column) (format: \(format.rawValue))"
    case .fasttext:
      description = "lines like \"\(labelPrefix)<label> text\" (format: fasttext)"
    }
    if let inferred = Self.inferredFormat(path: path), inferred != format {
      description += "; the file name suggests format \(inferred.rawValue)"
    }
    return description
  }

  /// How a record marks its label, for counts of records without one: `"label"`,
  /// `a "label" column`, `a __label__ prefix`.
  var labelMarkDescription: String {
    switch format {
    case .jsonl: return "\"\(labelField)\" (or \"\(labelsField)\")"
    case .csv, .tsv:
      switch resolvedLabelColumns[taskName] {
      case .name(let name): return "a value in column \"\(name)\""
      case .index(let index): return "a value in column \(index)"
      case nil: return "a label column"
      }
    case .fasttext:
      return labelPrefix.isEmpty ? "a leading label" : "a \(labelPrefix) prefix"
    }
  }

  /// Why records of this source may lack labels for task `task`, from what reading it
  /// found: what a labelled record looks like, a field a few edits from the label field,
  /// the tasks the records do label, and a format assumed from the file's extension.
  ///
  /// - Parameters:
  ///   - task: The task whose labels are missing.
  ///   - statistics: What reading the file counted.
  /// - Returns: Clauses joined by "; ", starting with "expected …".
  public func unlabelledExplanation(task: String, statistics: CorpusStatistics) -> String {
    var described = self
    described.taskName = task
    var clauses = ["expected \(described.labelledRecordDescription)"]
    if let nearMiss = statistics.nearMissLabelField {
      clauses.append(
        "\(nearMiss.records) record(s) have a field \"\(nearMiss.field)\" (first at line "
          + "\(nearMiss.firstLine)): did you mean \"\(labelField)\", or set labelField: "
          + "\(nearMiss.field)")
    }
    let others = statistics.labelledTasks.filter { $0 != task }.sorted()
    if !others.isEmpty {
      clauses.append(
        "the records label task(s) " + others.map { "\"\($0)\"" }.joined(separator: ", ")
          + ": check the task's name")
    }
    if formatIsInferred && format == .fasttext {
      clauses.append(
        "format fasttext was assumed from the file's extension, since no format is set; set "
          + "format: jsonl, csv or tsv if the file is not fastText")
    }
    return clauses.joined(separator: "; ")
  }
}
