/// One quantization of a float model, as `mtl quantize` and the C API's `mtl_quantize` ask
/// for it: either a size to fit (the sub-vector width and cutoff are searched) or explicit
/// settings, then optionally a refit of the heads on the quantized rows.
///
/// The options are kept as typed (a size as text, `bits` as a number), so that
/// ``checkMethod()`` and ``checkRetraining()`` can name the option at fault the same way for
/// every front end.
public struct QuantizationJob: Equatable, Sendable {
  /// The size to fit, such as `4MB`, `800kB` or `3MiB`; nil for explicit settings.
  public var targetSize: String?
  /// Keep only this many rows of largest norm; nil keeps every trained row.
  public var cutoff: Int?
  /// The width of each product-quantized sub-vector; nil for the default (2), or for the
  /// search to choose with a target size.
  public var subvectorDimension: Int?
  /// Whether each row's norm is quantized apart from its direction.
  public var quantizeNorms: Bool
  /// 8 to store 8-bit rows instead of product codes; nil for product quantization.
  public var bits: Int?
  /// Whether the heads are refitted on the quantized rows.
  public var retrain: Bool
  /// Epochs of retraining.
  public var epochs: Int
  /// The initial learning rate of retraining.
  public var learningRate: Double
  /// The seed of the k-means and of retraining; nil for the model's training seed.
  public var seed: UInt64?

  /// Creates a job; the defaults are `mtl quantize`'s.
  public init(
    targetSize: String? = nil, cutoff: Int? = nil, subvectorDimension: Int? = nil,
    quantizeNorms: Bool = false, bits: Int? = nil, retrain: Bool = false, epochs: Int = 5,
    learningRate: Double = 0.1, seed: UInt64? = nil
  ) {
    self.targetSize = targetSize
    self.cutoff = cutoff
    self.subvectorDimension = subvectorDimension
    self.quantizeNorms = quantizeNorms
    self.bits = bits
    self.retrain = retrain
    self.epochs = epochs
    self.learningRate = learningRate
    self.seed = seed
  }

  /// The target size in bytes, when one was given and reads as a size.
  public var targetBytes: Int? { targetSize.flatMap(ByteCount.parse) }

  /// Checks the quantization options: `bits`, the sub-vector width, the cutoff and the
  /// target size, and that they do not contradict each other.
  ///
  /// - Throws: ``QuantizationError/badSetting(_:)`` naming the option.
  public func checkMethod() throws(QuantizationError) {
    if let bits, bits != 8 {
      throw .badSetting("--bits takes 8 (8-bit rows); without it rows are product-quantized")
    }
    if bits != nil && subvectorDimension != nil {
      throw .badSetting("--dsub is for product quantization; --bits 8 stores 8-bit rows")
    }
    if bits != nil && quantizeNorms {
      throw .badSetting("--qnorm is for product quantization; --bits 8 stores 8-bit rows")
    }
    if let dsub = subvectorDimension, dsub < 1 {
      throw .badSetting("--dsub must be at least 1, found \(dsub)")
    }
    if let cutoff, cutoff < 1 {
      throw .badSetting("--cutoff must keep at least 1 row, found \(cutoff)")
    }
    if let targetSize {
      guard ByteCount.parse(targetSize) != nil else {
        throw .badSetting(
          "--target-size expects a size such as 4MB, 800kB or 3MiB, found \"\(targetSize)\"")
      }
      if cutoff != nil {
        throw .badSetting("--target-size chooses the cutoff; give one or the other")
      }
    }
  }

  /// Checks the retraining options: the epochs and the learning rate.
  ///
  /// - Throws: ``QuantizationError/badSetting(_:)`` naming the option.
  public func checkRetraining() throws(QuantizationError) {
    if !(1...HeadRetrainer.largestEpochCount).contains(epochs) {
      throw .badSetting(
        "--epochs must be between 1 and \(HeadRetrainer.largestEpochCount), found \(epochs)")
    }
    if !(learningRate > 0) || !learningRate.isFinite {
      throw .badSetting("--learning-rate must be above 0, found \(learningRate)")
    }
  }

  /// The settings to quantize `model` with: searched to fit the target size, or as given.
  ///
  /// - Parameters:
  ///   - model: The float model.
  ///   - retrainingFiles: The files the heads will be retrained on; their paths make the
  ///     manifest's retraining record, which the size search leaves room for.
  /// - Throws: ``QuantizationError``, such as a target size nothing fits.
  public func settings(
    for model: MultiTaskModel, retrainingFiles: [String] = []
  ) throws(QuantizationError) -> QuantizationSettings {
    let seed = seed ?? model.manifest.training.seed
    var settings: QuantizationSettings
    if let targetBytes {
      let slack = 1024 + retrainingFiles.reduce(0) { $0 + $1.utf8.count + 8 }
      let target = SizeTarget(
        bytes: targetBytes, subvectorDimensions: subvectorDimension.map { [$0] },
        eightBit: bits != nil)
      settings = try target.settings(for: model, seed: seed, manifestSlack: slack)
    } else {
      settings = QuantizationSettings(
        method: bits != nil ? .eightBit : .product(subvectorDimension: subvectorDimension ?? 2),
        quantizeNorms: quantizeNorms, cutoff: cutoff, seed: seed)
    }
    if quantizeNorms, case .product = settings.method { settings.quantizeNorms = true }
    return settings
  }

  /// Quantizes the float `model` with ``settings(for:retrainingFiles:)``.
  ///
  /// - Throws: ``QuantizationError``: an already quantized model, settings out of range, a
  ///   target size nothing fits.
  public func quantize(
    _ model: MultiTaskModel, retrainingFiles: [String] = []
  ) throws(QuantizationError) -> MultiTaskModel {
    let settings = try settings(for: model, retrainingFiles: retrainingFiles)
    return try Quantizer(settings: settings).quantize(model, targetBytes: targetBytes)
  }

  /// Refits the heads of the `quantized` model on `examples`, with this job's epochs and
  /// learning rate.
  ///
  /// - Parameters:
  ///   - quantized: The model ``quantize(_:retrainingFiles:)`` made.
  ///   - examples: Labelled documents; labels are read per task name.
  ///   - files: Where the examples came from, for the manifest's record.
  ///   - seed: The seed of the refit: this job's, else the float model's training seed.
  /// - Throws: ``QuantizationError`` from ``HeadRetrainer``.
  public func retrain(
    _ quantized: MultiTaskModel, on examples: [Example], files: [String], seed: UInt64
  ) throws(QuantizationError) -> HeadRetrainer.Outcome {
    try HeadRetrainer(epochs: epochs, learningRate: learningRate, seed: seed)
      .retrain(quantized, on: examples, files: files)
  }
}
