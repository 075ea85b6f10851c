#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The weights a sparse linear path reads from a document: sublinear TF-IDF, L2-normalized,
/// as scikit-learn's `TfidfVectorizer(sublinear_tf=True)` computes them.
///
/// Written once because training (over the trainer's packed rows) and prediction (over the
/// model's embedding rows) must weigh a document identically, or the weights learned would
/// not be the weights applied. A feature's weight is `(1 + ln count) × idf`, and the vector
/// is divided by its Euclidean length; features the path does not know are dropped before
/// the length is taken, as a vectorizer ignores words outside its vocabulary.
enum TermWeighting {
  /// The smoothed inverse document frequency of a feature in `documents` documents, `count`
  /// of which contain it: `ln((1 + documents) / (1 + count)) + 1`, scikit-learn's default,
  /// which never divides by zero and never gives a feature a zero weight.
  static func inverseFrequency(documents: Int, count: Int) -> Float {
    Float(log(Double(1 + documents) / Double(1 + count)) + 1)
  }

  /// The distinct known features of a document with their weights, in ascending order.
  ///
  /// - Parameters:
  ///   - features: The document's feature ids, repeated as often as they occur.
  ///   - column: A feature's column in the path, or nil when the path does not know it.
  ///     Must preserve the order of the ids, so columns come out ascending.
  ///   - inverseFrequencies: Each column's inverse document frequency.
  ///   - buffers: Reused storage; on return `columns` and `values` hold the document.
  static func weigh(
    _ features: UnsafeBufferPointer<Int32>, column: (Int32) -> Int32?,
    inverseFrequencies: UnsafeBufferPointer<Float>, buffers: inout TermBuffers
  ) {
    buffers.sorted.removeAll(keepingCapacity: true)
    buffers.sorted.append(contentsOf: features)
    buffers.sorted.sort()
    buffers.columns.removeAll(keepingCapacity: true)
    buffers.values.removeAll(keepingCapacity: true)
    var squares: Float = 0
    var start = 0
    let sorted = buffers.sorted
    while start < sorted.count {
      let feature = sorted[start]
      var end = start + 1
      while end < sorted.count && sorted[end] == feature { end += 1 }
      if let found = column(feature) {
        let weight = (1 + logf(Float(end - start))) * inverseFrequencies[Int(found)]
        buffers.columns.append(found)
        buffers.values.append(weight)
        squares += weight * weight
      }
      start = end
    }
    guard squares > 0 else { return }
    let scale = 1 / squares.squareRoot()
    for index in buffers.values.indices { buffers.values[index] *= scale }
  }
}

/// The reusable storage of ``TermWeighting/weigh(_:column:inverseFrequencies:buffers:)``:
/// one value per thread, so weighing a stream of documents allocates only while it grows.
struct TermBuffers {
  /// The document's features, sorted, so equal features sit together.
  var sorted: [Int32] = []
  /// The distinct known features' columns, ascending.
  var columns: [Int32] = []
  /// Their weights, the vector's length 1.
  var values: [Float] = []
}
