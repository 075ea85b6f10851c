extension ModelManifest {
  /// How a quantized model was made from its float model, for the record and for the checks
  /// that refuse to quantize it again.
  public struct Quantization: Codable, Sendable, Equatable {
    /// `product` or `8-bit`.
    public var method: String
    /// With product quantization, the width of each sub-vector.
    public var subvectorDimension: Int?
    /// With product quantization, the centroids per sub-quantizer.
    public var centroids: Int?
    /// Whether row norms were quantized apart from the directions.
    public var quantizedNorms: Bool
    /// The cutoff asked for: the rows of largest norm kept; absent when every row was kept.
    public var cutoff: Int?
    /// Trained rows of the float model.
    public var rowsBefore: Int
    /// Rows kept.
    public var rowsKept: Int
    /// Vocabulary words of the float model.
    public var wordsBefore: Int
    /// Vocabulary words kept: those whose rows were kept.
    public var wordsKept: Int
    /// The seed of the k-means.
    public var seed: UInt64
    /// The size asked for with a target, in bytes; absent when the settings were given.
    public var targetBytes: Int?
    /// How the heads were retrained on the quantized rows; absent when they were not.
    public var retraining: Retraining?

    /// How the heads were retrained.
    public struct Retraining: Codable, Sendable, Equatable {
      /// Passes over the retraining documents.
      public var epochs: Int
      /// The initial learning rate, decayed linearly to zero.
      public var learningRate: Double
      /// Retraining documents read.
      public var documents: Int
      /// The files they came from.
      public var files: [String]

      /// Creates a record.
      public init(epochs: Int, learningRate: Double, documents: Int, files: [String]) {
        self.epochs = epochs
        self.learningRate = learningRate
        self.documents = documents
        self.files = files
      }
    }

    /// Creates a record.
    public init(
      method: String, subvectorDimension: Int?, centroids: Int?, quantizedNorms: Bool,
      cutoff: Int?, rowsBefore: Int, rowsKept: Int, wordsBefore: Int, wordsKept: Int,
      seed: UInt64, targetBytes: Int? = nil, retraining: Retraining? = nil
    ) {
      self.method = method
      self.subvectorDimension = subvectorDimension
      self.centroids = centroids
      self.quantizedNorms = quantizedNorms
      self.cutoff = cutoff
      self.rowsBefore = rowsBefore
      self.rowsKept = rowsKept
      self.wordsBefore = wordsBefore
      self.wordsKept = wordsKept
      self.seed = seed
      self.targetBytes = targetBytes
      self.retraining = retraining
    }

    /// The method in a few words, such as `product quantization, sub-vectors of 2, norms`.
    public var summary: String {
      var parts = [method == "product" ? "product quantization" : "8-bit rows"]
      if let subvectorDimension { parts.append("sub-vectors of \(subvectorDimension)") }
      if quantizedNorms { parts.append("quantized norms") }
      parts.append("\(rowsKept) of \(rowsBefore) rows")
      if retraining != nil { parts.append("heads retrained") }
      return parts.joined(separator: ", ")
    }
  }
}
