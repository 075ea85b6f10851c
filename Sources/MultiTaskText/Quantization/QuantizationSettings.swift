/// How ``Quantizer`` shrinks a model: the row encoding, norm quantization, pruning and seed.
///
/// The defaults are FastText.zip's: product quantization with sub-vectors of 2, 256
/// centroids each, and every trained row kept.
public struct QuantizationSettings: Sendable, Equatable {
  /// How each kept row is encoded.
  public enum Method: Sendable, Equatable {
    /// Product quantization with sub-vectors of this many floats: one byte per sub-vector.
    case product(subvectorDimension: Int)
    /// Eight bits per value, with a float offset and step per row.
    case eightBit
  }

  /// How each kept row is encoded.
  public var method: Method
  /// With product quantization, whether each row's norm is quantized apart from its
  /// direction (fastText's `-qnorm`): one more byte per row.
  public var quantizeNorms: Bool
  /// Keep only this many rows, those of largest norm; the words whose rows go are removed
  /// from the vocabulary. Nil keeps every trained row.
  public var cutoff: Int?
  /// Seeds the k-means sampling and initialization.
  public var seed: UInt64
  /// Lloyd iterations of each k-means.
  public var iterations: Int

  /// Creates settings; the defaults are product quantization with sub-vectors of 2, no norm
  /// quantization, no pruning, seed 1 and 25 iterations.
  public init(
    method: Method = .product(subvectorDimension: 2), quantizeNorms: Bool = false,
    cutoff: Int? = nil, seed: UInt64 = 1, iterations: Int = 25
  ) {
    self.method = method
    self.quantizeNorms = quantizeNorms
    self.cutoff = cutoff
    self.seed = seed
    self.iterations = iterations
  }

  /// The settings' problem for a model of dimension `dimension`, or nil when they are valid.
  func problem(dimension: Int) -> QuantizationError? {
    // The reader's bound (``ModelLimits/maximumSubvectorDimension``), so every quantized
    // model this writes is one `mtl` reads.
    let widest = min(dimension, ModelLimits.maximumSubvectorDimension)
    if case .product(let subvector) = method, subvector < 1 || subvector > widest {
      return .badSetting(
        "the sub-vector dimension (--dsub) must be between 1 and \(widest) (the model's"
          + " dimension, and at most \(ModelLimits.maximumSubvectorDimension)), found \(subvector)")
    }
    if method == .eightBit && quantizeNorms {
      return .badSetting(
        "norm quantization (--qnorm) applies to product quantization, not to 8-bit rows")
    }
    if let cutoff, cutoff < 1 {
      return .badSetting("the cutoff must keep at least one row, found \(cutoff)")
    }
    if iterations < 1 {
      return .badSetting("k-means needs at least one iteration, found \(iterations)")
    }
    return nil
  }
}

extension SplitMix64.Stream {
  /// The k-means samples and first centroids of quantization.
  static let quantization = SplitMix64.Stream(rawValue: 0x20_0000)
  /// The order of documents in each epoch of retraining heads after quantization.
  static let retraining = SplitMix64.Stream(rawValue: 0x20_0001)
}
