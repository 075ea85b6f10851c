/// One task's columns for its sparse linear path: the packed rows its training documents use,
/// numbered in ascending order, with their inverse document frequencies.
///
/// Training features are the trainer's packed rows, which ascend with the embedding rows
/// they stand for, so the columns ascend with the model's rows too and the finished path's
/// feature list is sorted without sorting. A dev document's feature that no training
/// document of the task had (the packed zero row among them) has no column and is dropped.
struct LinearColumns {
  /// The packed row of each column, ascending.
  let packedRows: [Int32]
  /// Each column's inverse document frequency over the task's training documents.
  let inverseFrequencies: [Float]
  /// Each packed row's column, -1 for none.
  private let columnOfRow: [Int32]

  /// The columns of `task` in `set`, whose features are packed rows below `packedRowCount`.
  init(set: TrainingSet, task: Int, packedRowCount: Int) {
    var documents = [Int](repeating: 0, count: packedRowCount)
    // The last document that counted each row, so a repeated feature counts once.
    var lastDocument = [Int](repeating: -1, count: packedRowCount)
    var labelled = 0
    for document in 0..<(set.offsets.count - 1) where set.label(document: document, task: task) >= 0
    {
      labelled += 1
      for index in set.offsets[document]..<set.offsets[document + 1] {
        let row = Int(set.features[index])
        guard row < packedRowCount, lastDocument[row] != document else { continue }
        lastDocument[row] = document
        documents[row] += 1
      }
    }
    var columnOfRow = [Int32](repeating: -1, count: packedRowCount)
    var packedRows: [Int32] = []
    var inverseFrequencies: [Float] = []
    for row in documents.indices where documents[row] > 0 {
      columnOfRow[row] = Int32(packedRows.count)
      packedRows.append(Int32(row))
      inverseFrequencies.append(
        TermWeighting.inverseFrequency(documents: labelled, count: documents[row]))
    }
    self.packedRows = packedRows
    self.inverseFrequencies = inverseFrequencies
    self.columnOfRow = columnOfRow
  }

  /// The number of columns.
  var count: Int { packedRows.count }

  /// The column of packed row `row`, or nil.
  func column(of row: Int32) -> Int32? {
    Int(row) < columnOfRow.count && columnOfRow[Int(row)] >= 0 ? columnOfRow[Int(row)] : nil
  }

  /// Weighs one document into `rows`.
  func append(
    _ features: ArraySlice<Int32>, label: Int32, to rows: inout SparseRows,
    buffers: inout TermBuffers
  ) {
    features.withUnsafeBufferPointer { features in
      inverseFrequencies.withUnsafeBufferPointer { frequencies in
        TermWeighting.weigh(
          features, column: column(of:), inverseFrequencies: frequencies, buffers: &buffers)
      }
    }
    rows.append(buffers, label: label)
  }

  /// The task's training documents as weighed rows, in document order.
  func trainingRows(of set: TrainingSet, task: Int) -> SparseRows {
    var rows = SparseRows()
    var buffers = TermBuffers()
    for document in 0..<(set.offsets.count - 1) {
      let label = set.label(document: document, task: task)
      guard label >= 0 else { continue }
      append(
        set.features[set.offsets[document]..<set.offsets[document + 1]], label: label,
        to: &rows, buffers: &buffers)
    }
    return rows
  }
}
