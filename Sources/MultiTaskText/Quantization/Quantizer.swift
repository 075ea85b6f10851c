/// Makes a small model from a float one: prunes rows by norm, encodes the rest with product
/// quantization or eight bits, and records how in the manifest (FastText.zip, Joulin et al.
/// 2016).
///
/// The heads stay float: they hold a row per label, a few kilobytes. A shared-private model's
/// private tables stay float too. Retraining the heads on the quantized rows, which wins back
/// most of the accuracy quantization costs, is ``HeadRetrainer``'s job.
public struct Quantizer: Sendable {
  /// How to quantize.
  public var settings: QuantizationSettings

  /// Creates a quantizer.
  public init(settings: QuantizationSettings = QuantizationSettings()) {
    self.settings = settings
  }

  /// The quantized form of `model`.
  ///
  /// - Parameters:
  ///   - model: A float model.
  ///   - targetBytes: Recorded in the manifest when the settings were chosen for a size.
  /// - Returns: A model whose ``MultiTaskModel/quantizedEmbeddings`` are set and whose
  ///   ``MultiTaskModel/embeddings`` are their decoding.
  /// - Throws: ``QuantizationError/alreadyQuantized(method:)`` for a quantized model,
  ///   ``QuantizationError/badSetting(_:)`` for settings out of range, and
  ///   ``QuantizationError/noTrainedRows`` for a model with nothing to quantize.
  public func quantize(
    _ model: MultiTaskModel, targetBytes: Int? = nil
  ) throws(QuantizationError) -> MultiTaskModel {
    if let existing = model.manifest.quantization {
      throw .alreadyQuantized(method: existing.summary)
    }
    let dimension = model.manifest.dimension
    if let problem = settings.problem(dimension: dimension) { throw problem }
    let vocabularyCount = model.vocabulary.count
    let selection = RowSelection(
      table: model.embeddings, vocabularyCount: vocabularyCount, cutoff: settings.cutoff,
      alwaysKept: Self.markerRow(of: model), pruneWords: model.privateEmbeddings.isEmpty)
    guard !selection.keptRows.isEmpty else { throw .noTrainedRows }

    // Words keep their order; buckets move down by the number of words removed.
    var newWordRow = [Int](repeating: -1, count: vocabularyCount)
    for (position, word) in selection.keptWords.enumerated() { newWordRow[word] = position }
    let removedWords = vocabularyCount - selection.keptWords.count
    let storedRows = selection.keptRows.map { row in
      UInt32(row < vocabularyCount ? newWordRow[row] : row - removedWords)
    }
    var values: [Float] = []
    values.reserveCapacity(selection.keptRows.count * dimension)
    for row in selection.keptRows { values.append(contentsOf: model.embeddings.row(row)) }

    var generator = SplitMix64(seed: settings.seed, stream: .quantization)
    let count = selection.keptRows.count
    let encoding: QuantizedEmbeddings.Encoding
    var norms: QuantizedEmbeddings.Norms?
    switch settings.method {
    case .product(let subvector):
      if settings.quantizeNorms {
        var rowNorms = [Float](repeating: 0, count: count)
        for row in 0..<count {
          let start = row * dimension
          let norm = RowSelection.squaredNorm(Array(values[start..<(start + dimension)]))
            .squareRoot()
          rowNorms[row] = norm
          if norm > 0 { for column in 0..<dimension { values[start + column] /= norm } }
        }
        norms = Self.quantizedNorms(rowNorms, iterations: settings.iterations, &generator)
      }
      var kMeans = KMeans()
      kMeans.iterations = settings.iterations
      let quantizer = ProductQuantizer.fitted(
        to: values, rowCount: count, dimension: dimension, subvectorDimension: subvector,
        kMeans: kMeans, generator: &generator)
      encoding = .product(quantizer, codes: quantizer.encode(values, rowCount: count))
    case .eightBit:
      encoding = Self.eightBit(values, rowCount: count, dimension: dimension)
    }
    let quantized = QuantizedEmbeddings(
      rows: model.embeddings.rows - removedWords, columns: dimension, storedRows: storedRows,
      encoding: encoding, norms: norms)

    var manifest = model.manifest
    let subvectorDimension: Int?
    if case .product(let subvector) = settings.method {
      subvectorDimension = subvector
    } else {
      subvectorDimension = nil
    }
    var centroids: Int?
    if case .product(let quantizer, _) = encoding { centroids = quantizer.centroidCount }
    manifest.quantization = ModelManifest.Quantization(
      method: settings.method == .eightBit ? "8-bit" : "product",
      subvectorDimension: subvectorDimension, centroids: centroids,
      quantizedNorms: settings.quantizeNorms, cutoff: settings.cutoff,
      rowsBefore: model.embeddings.storedRows.count, rowsKept: count,
      wordsBefore: vocabularyCount, wordsKept: selection.keptWords.count, seed: settings.seed,
      targetBytes: targetBytes)
    var quantizedModel = MultiTaskModel(
      manifest: manifest, vocabulary: Self.pruned(model.vocabulary, keeping: selection.keptWords),
      embeddings: quantized.decoded(), heads: model.heads,
      privateEmbeddings: model.privateEmbeddings)
    quantizedModel.quantizedEmbeddings = quantized
    // Linear paths stay float; their columns follow the pruned vocabulary's rows.
    quantizedModel.linearPaths = model.linearPaths.map { $0?.remapped(selection, vocabularyCount) }
    return quantizedModel
  }

  /// The row of the document marker when the model's features use one.
  static func markerRow(of model: MultiTaskModel) -> Int? {
    guard model.manifest.features.documentMarker,
      let featurizer = try? Featurizer(
        configuration: model.manifest.features, vocabularySize: model.vocabulary.count)
    else { return nil }
    return Int(featurizer.markerRow)
  }

  /// The vocabulary of the words `kept` (ids in increasing order), counts included.
  static func pruned(_ vocabulary: Vocabulary, keeping kept: [Int]) -> Vocabulary {
    if kept.count == vocabulary.count { return vocabulary }
    var builder = VocabularyBuilder()
    for word in kept {
      var bytes = vocabulary.withUTF8(of: TokenID(Int32(word))) { Array($0) }
      let hash = FNV1a.hash(bytes)
      _ = bytes.withUnsafeMutableBufferPointer { builder.add(UnsafeBufferPointer($0), hash: hash) }
    }
    return Vocabulary(table: builder.table, counts: kept.map { vocabulary.counts[$0] })
  }

  /// Norms quantized with a one-dimensional k-means of up to 256 values.
  static func quantizedNorms(
    _ norms: [Float], iterations: Int, _ generator: inout SplitMix64
  ) -> QuantizedEmbeddings.Norms {
    var kMeans = KMeans()
    kMeans.iterations = iterations
    let centroids = norms.withUnsafeBufferPointer { points in
      kMeans.centroids(
        of: points, pointCount: norms.count, dimension: 1,
        count: ProductQuantizer.maximumCentroids, generator: &generator)
    }
    let codes = norms.map { norm in
      withUnsafePointer(to: norm) { point in
        UInt8(KMeans.nearest(to: point, in: centroids, count: centroids.count, dimension: 1))
      }
    }
    return QuantizedEmbeddings.Norms(centroids: centroids, codes: codes)
  }

  /// Each row as bytes between its smallest and largest value.
  static func eightBit(
    _ values: [Float], rowCount: Int, dimension: Int
  ) -> QuantizedEmbeddings.Encoding {
    var offsets = [Float](repeating: 0, count: rowCount)
    var steps = [Float](repeating: 0, count: rowCount)
    var codes = [UInt8](repeating: 0, count: rowCount * dimension)
    for row in 0..<rowCount {
      let slice = values[(row * dimension)..<((row + 1) * dimension)]
      let low = slice.min() ?? 0
      let high = slice.max() ?? 0
      let step = (high - low) / 255
      offsets[row] = low
      steps[row] = step
      guard step > 0 else { continue }
      for column in 0..<dimension {
        let level = ((values[row * dimension + column] - low) / step).rounded()
        codes[row * dimension + column] = UInt8(max(0, min(255, level)))
      }
    }
    return .eightBit(offsets: offsets, steps: steps, codes: codes)
  }
}

extension LinearPath {
  /// The path over a quantized model's rows, whose vocabulary kept `selection`'s words of
  /// `wordsBefore`; see ``remapped(keptWords:wordsBefore:)``.
  func remapped(_ selection: RowSelection, _ wordsBefore: Int) -> LinearPath {
    remapped(keptWords: selection.keptWords, wordsBefore: wordsBefore)
  }
}
