#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One task's sparse linear path: a linear model over the TF-IDF weights of the document's
/// features, whose scores are added to the head's log-probabilities.
///
/// The embedding bag averages every feature into `dimension` floats, which on a long
/// document blurs the few words that decide its label; a weight per feature and label keeps
/// them. The path knows only the features some training document of its task had, in
/// ascending embedding-row order, so a document's features find their columns through a
/// hash table (`ColumnLookup`) and the path costs `features × (labels + 2)` floats.
/// Prediction answers `softmax(log p + alpha × scores)`, where `p` is the head's
/// distribution; ``alpha`` is the weight dev data chose.
public struct LinearPath: Sendable, Equatable {
  /// The embedding rows (vocabulary words, then hashed buckets) the path has a column for,
  /// ascending and distinct.
  public private(set) var features: [Int32]
  /// Each column's inverse document frequency in the training documents.
  public private(set) var inverseFrequencies: [Float]
  /// `features.count × labels` weights, one row of label weights per column.
  public private(set) var weights: [Float]
  /// One bias per label.
  public private(set) var biases: [Float]
  /// How much the path's scores weigh against the head's log-probabilities; positive.
  public var alpha: Float
  /// Finds a feature's column; built from ``features``.
  private var lookup: ColumnLookup

  /// The number of labels.
  public var labels: Int { biases.count }

  /// Creates a path from its parts.
  ///
  /// - Precondition: the features ascend, and the arrays' lengths agree.
  public init(
    features: [Int32], inverseFrequencies: [Float], weights: [Float], biases: [Float],
    alpha: Float
  ) {
    precondition(inverseFrequencies.count == features.count, "one frequency per feature")
    precondition(weights.count == features.count * biases.count, "one weight per column, label")
    precondition(zip(features, features.dropFirst()).allSatisfy { $0 < $1 }, "features ascend")
    self.features = features
    self.inverseFrequencies = inverseFrequencies
    self.weights = weights
    self.biases = biases
    self.alpha = alpha
    lookup = ColumnLookup(features: features)
  }

  /// The column of embedding row `feature`, or nil when no training document had it.
  func column(of feature: Int32) -> Int32? { lookup.column(of: feature) }

  /// Writes every label's score for a document into `scores` (``labels`` floats).
  ///
  /// - Parameters:
  ///   - document: The document's feature ids, as the model's featurizer produced them.
  ///   - buffers: Reused storage for the weighting.
  ///   - scores: One float per label, overwritten.
  func scores(
    of document: UnsafeBufferPointer<Int32>, buffers: inout TermBuffers,
    into scores: UnsafeMutableBufferPointer<Float>
  ) {
    inverseFrequencies.withUnsafeBufferPointer { frequencies in
      TermWeighting.weigh(
        document, column: column(of:), inverseFrequencies: frequencies, buffers: &buffers)
    }
    let labels = labels
    for label in 0..<labels { scores[label] = biases[label] }
    weights.withUnsafeBufferPointer { weights in
      for (column, value) in zip(buffers.columns, buffers.values) {
        let row = Int(column) * labels
        for label in 0..<labels { scores[label] += value * weights[row + label] }
      }
    }
  }

  /// Replaces `probabilities` with `softmax(log p + alpha × scores)`.
  ///
  /// - Parameters:
  ///   - scores: The path's score of each label.
  ///   - alpha: The path's weight.
  ///   - probabilities: The head's distribution, overwritten with the combined one.
  static func combine(
    scores: UnsafeBufferPointer<Float>, alpha: Float,
    into probabilities: UnsafeMutableBufferPointer<Float>
  ) {
    guard !probabilities.isEmpty else { return }
    var largest = -Float.infinity
    for label in probabilities.indices {
      let value = logf(max(probabilities[label], smallestProbability)) + alpha * scores[label]
      probabilities[label] = value
      largest = max(largest, value)
    }
    var total: Float = 0
    for label in probabilities.indices {
      probabilities[label] = expf(probabilities[label] - largest)
      total += probabilities[label]
    }
    for label in probabilities.indices { probabilities[label] /= total }
  }

  /// The probability below which a label's log-probability is clamped before the path's
  /// scores are added, so a label the head rules out entirely stays comparable.
  static let smallestProbability: Float = 1e-30

  /// The same path for a model whose vocabulary kept only `keptWords` (ascending old ids) of
  /// `wordsBefore` words, as quantization prunes it: kept words take their new ids, buckets
  /// shift down with the vocabulary, and the removed words' columns go.
  ///
  /// - Parameters:
  ///   - keptWords: The old ids of the words kept, ascending.
  ///   - wordsBefore: The vocabulary's size before pruning.
  /// - Returns: The path over the pruned model's rows.
  public func remapped(keptWords: [Int], wordsBefore: Int) -> LinearPath {
    var newWord = [Int32](repeating: -1, count: wordsBefore)
    for (position, word) in keptWords.enumerated() { newWord[word] = Int32(position) }
    let shift = Int32(wordsBefore - keptWords.count)
    var keptFeatures: [Int32] = []
    var keptFrequencies: [Float] = []
    var keptWeights: [Float] = []
    for (column, feature) in features.enumerated() {
      let row = Int(feature) < wordsBefore ? newWord[Int(feature)] : feature - shift
      guard row >= 0 else { continue }
      keptFeatures.append(row)
      keptFrequencies.append(inverseFrequencies[column])
      keptWeights.append(contentsOf: weights[(column * labels)..<((column + 1) * labels)])
    }
    return LinearPath(
      features: keptFeatures, inverseFrequencies: keptFrequencies, weights: keptWeights,
      biases: biases, alpha: alpha)
  }
}
