/// Training renumbers the embedding rows it uses (``EmbeddingStorage/packedRows()``), and
/// the datasets' features follow, so the trainer's rows and the features agree.
extension TrainingSet {
  /// Replaces every feature id with `rows[id]`: training renumbers the rows it uses.
  mutating func remapFeatures(_ rows: [Int32]) {
    if cache != nil {
      rowRemap = rowRemap.map { $0.map { rows[Int($0)] } } ?? rows
      return
    }
    EmbeddingStorage.remap(&features, to: rows)
  }
}

extension DevelopmentSet {
  /// Replaces every feature id with `rows[id]`, as training does with its own features.
  mutating func remapFeatures(_ rows: [Int32]) {
    EmbeddingStorage.remap(&features, to: rows)
  }
}
