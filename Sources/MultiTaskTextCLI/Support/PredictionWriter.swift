import MultiTaskText

/// Predicts `mtl predict`'s batches on the pool's threads, for ``PredictionPipeline`` to write
/// in input order.
///
/// Each chunk of a batch is formatted into bytes of its own by the thread that predicted it;
/// the chunks are then written in order, so the output is the same bytes at any thread
/// count.
struct PredictionWriter {
  let formatter: PredictionFormatter
  let format: Predict.Format
  /// `--id-field`, whose value each answer carries.
  let idField: String?
  /// Whether answers explain themselves, which needs the document's original bytes.
  let explains: Bool
  let parallel: ParallelPrediction

  /// Every chunk's answer lines for `batch`, in order.
  ///
  /// - Throws: `CommandFailure` naming the file and line of the first document whose text
  ///   was rejected.
  func answers(of batch: PredictionBatch) throws(CommandFailure) -> [[UInt8]] {
    try parallel.run(
      count: batch.count,
      { (pooled, range) throws(CommandFailure) -> [UInt8] in
        try answer(range, of: batch, with: pooled.predictor)
      },
      unavailable: { CommandFailure("no predictor could be made: \($0)") })
  }

  /// The answer lines of the documents in `range`.
  private func answer(
    _ range: Range<Int>, of batch: PredictionBatch, with predictor: Predictor
  ) throws(CommandFailure) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count * 64)
    for index in range {
      try batch.withDocument(index) { (text) throws(CommandFailure) in
        do { try predictor.run(text) } catch {
          throw CommandFailure("\(batch.locations[index]): \(error)")
        }
        let identifier = idField == nil ? nil : batch.identifiers[index]
        switch format {
        case .jsonl:
          formatter.appendJSONLine(
            of: predictor, originalText: explains ? text : nil,
            identifier: idField.map { ($0, identifier) }, to: &bytes)
        case .tsv:
          formatter.appendTSVRow(
            of: predictor, identifier: identifier, hasIdentifier: idField != nil, to: &bytes)
        }
      }
    }
    return bytes
  }
}
