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
}
