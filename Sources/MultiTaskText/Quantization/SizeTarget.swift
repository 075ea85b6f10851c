/// Chooses quantization settings that make a model fit a size: `mtl quantize --target-size`.
///
/// The size of a quantized file follows from its settings without quantizing: the codes,
/// the codebooks, the row index, the kept words' spellings, and the parts that do not change
/// (manifest, heads). So the search is exact and cheap; only the chosen settings are run.
///
/// Among the encodings, the one kept is the one that keeps the most rows with sub-vectors of
/// at most ``preferredLargestSubvector``, narrowest first: FastText.zip found that pruning
/// rare features costs less accuracy than coarse codes, as long as most rows survive. When
/// even sub-vectors of that width would prune more than ``acceptablePruning`` of the rows,
/// coarser codes that keep more are tried, up to the whole dimension.
public struct SizeTarget: Sendable {
  /// The largest file wanted, in bytes.
  public var bytes: Int
  /// The sub-vector widths tried, narrowest first; nil tries 2, 3, 4, 5, 8, 10 and so on up
  /// to the dimension. A single width fixes it (`--dsub` with `--target-size`).
  public var subvectorDimensions: [Int]?
  /// Eight-bit rows instead of product codes (`--bits 8`).
  public var eightBit: Bool
  /// The widest sub-vector preferred while it keeps enough rows.
  public static let preferredLargestSubvector = 2
  /// The share of trained rows whose loss is accepted before coarser codes are preferred.
  public static let acceptablePruning = 0.5

  /// Creates a target.
  public init(bytes: Int, subvectorDimensions: [Int]? = nil, eightBit: Bool = false) {
    self.bytes = bytes
    self.subvectorDimensions = subvectorDimensions
    self.eightBit = eightBit
  }

  /// Settings for `model` that fit ``bytes``, with norms quantized for product codes.
  ///
  /// - Parameters:
  ///   - model: The float model.
  ///   - seed: The settings' seed.
  ///   - manifestSlack: Bytes the manifest may still grow by (the retraining record).
  /// - Throws: ``QuantizationError/targetTooSmall(targetBytes:smallestBytes:)`` when nothing
  ///   fits, ``QuantizationError/alreadyQuantized(method:)`` for a quantized model.
  public func settings(
    for model: MultiTaskModel, seed: UInt64, manifestSlack: Int = 1024
  ) throws(QuantizationError) -> QuantizationSettings {
    if let existing = model.manifest.quantization {
      throw .alreadyQuantized(method: existing.summary)
    }
    let sizer = try Sizer(model: model, manifestSlack: manifestSlack)
    let dimension = model.manifest.dimension
    var candidates: [QuantizationSettings] = []
    if eightBit {
      candidates = [QuantizationSettings(method: .eightBit, seed: seed)]
    } else {
      // Wider sub-vectors than ModelLimits.maximumSubvectorDimension would make files whose
      // decoded rows cost more than 64 times their codes, which readers refuse; a tighter
      // size is reached by pruning rows instead.
      let widest = min(dimension, ModelLimits.maximumSubvectorDimension)
      let widths =
        subvectorDimensions
        ?? ([2, 3, 4, 5, 8, 10, 16].filter { $0 < widest } + [widest])
      for width in widths {
        let settings = QuantizationSettings(method: .product(subvectorDimension: width))
        if let problem = settings.problem(dimension: dimension) { throw problem }
        candidates.append(
          QuantizationSettings(
            method: .product(subvectorDimension: width), quantizeNorms: true, seed: seed))
      }
    }
    var best: (settings: QuantizationSettings, rows: Int)?
    let enough = Int((Double(sizer.trainedRows) * (1 - Self.acceptablePruning)).rounded(.up))
    for var candidate in candidates {
      let rows = sizer.largestCutoff(candidate, fitting: bytes)
      guard rows > 0 else { continue }
      candidate.cutoff = rows < sizer.trainedRows ? rows : nil
      var width = 0
      if case .product(let subvector) = candidate.method { width = subvector }
      // Narrow codes that keep enough rows win over any coarser ones.
      if width <= Self.preferredLargestSubvector && rows >= enough {
        best = (candidate, rows)
        break
      }
      if rows > best?.rows ?? 0 { best = (candidate, rows) }
      // Coarser codes cannot keep more than every row.
      if rows == sizer.trainedRows { break }
    }
    guard let best else {
      let smallest = candidates.last.map { sizer.bytes($0, keeping: 1) } ?? 0
      throw .targetTooSmall(targetBytes: bytes, smallestBytes: smallest)
    }
    return best.settings
  }
}

/// The exact file size of a model's quantized forms.
struct Sizer {
  /// Trained rows by decreasing norm, as ``RowSelection`` ranks them, the marker first.
  let ranked: [Int]
  let trainedRows: Int
  let vocabularyCount: Int
  let dimension: Int
  /// Bytes of everything but the vocabulary's tokens and the quantized embedding section.
  let fixedBytes: Int
  /// Each word's bytes in the vocabulary section.
  let wordBytes: [Int]
  let pruneWords: Bool

  init(model: MultiTaskModel, manifestSlack: Int) throws(QuantizationError) {
    let table = model.embeddings
    let trained = table.storedRows
    guard !trained.isEmpty else { throw .noTrainedRows }
    let norms = trained.map { RowSelection.squaredNorm(table.row($0)) }
    var order = Array(trained.indices)
    order.sort { norms[$0] != norms[$1] ? norms[$0] > norms[$1] : $0 < $1 }
    var ranked = order.map { trained[$0] }
    if let marker = Quantizer.markerRow(of: model), let position = ranked.firstIndex(of: marker) {
      ranked.remove(at: position)
      ranked.insert(marker, at: 0)
    }
    self.ranked = ranked
    trainedRows = trained.count
    vocabularyCount = model.vocabulary.count
    dimension = model.manifest.dimension
    pruneWords = model.privateEmbeddings.isEmpty
    wordBytes = (0..<model.vocabulary.count).map { word in
      12 + model.vocabulary.withUTF8(of: TokenID(Int32(word))) { $0.count }
    }
    var manifestBytes = 0
    if let encoded = try? ModelFile.encodeManifest(model.manifest, path: "") {
      manifestBytes = encoded.count
    }
    let matrices = (model.heads + model.privateEmbeddings).reduce(0) {
      $0 + 24 + $1.storage.count * 4
    }
    // Magic and version, the manifest, vocabulary and QEMB headers, the vocabulary count,
    // the QEMB fixed fields, the matrices and the end section.
    fixedBytes =
      8 + 12 + manifestBytes + manifestSlack + 12 + 4 + 12 + 18 + matrices + 16
  }

  /// The file's bytes with `settings`, keeping the `count` best-ranked rows.
  func bytes(_ settings: QuantizationSettings, keeping count: Int) -> Int {
    let kept = ranked.prefix(count).sorted()
    var total = fixedBytes
    var removedWords = 0
    if pruneWords {
      var keptWord = [Bool](repeating: false, count: vocabularyCount)
      for row in kept where row < vocabularyCount { keptWord[row] = true }
      for word in 0..<vocabularyCount {
        if keptWord[word] { total += wordBytes[word] } else { removedWords += 1 }
      }
    } else {
      total += wordBytes.reduce(0, +)
    }
    var previous = -1
    var keptWords = 0
    for row in kept {
      // Kept words are renumbered densely, in order; buckets move down past removed words.
      let newRow: Int
      if row < vocabularyCount {
        newRow = pruneWords ? keptWords : row
        keptWords += 1
      } else {
        newRow = row - removedWords
      }
      var gap = newRow - previous - 1
      total += 1
      while gap >= 0x80 {
        total += 1
        gap >>= 7
      }
      previous = newRow
    }
    switch settings.method {
    case .product(let subvector):
      let codes = (dimension + subvector - 1) / subvector
      let centroids = min(ProductQuantizer.maximumCentroids, count)
      total += 8 + centroids * dimension * 4 + count * codes
      if settings.quantizeNorms { total += 4 + min(256, count) * 4 + count }
    case .eightBit:
      total += count * (8 + dimension)
    }
    return total
  }

  /// The most rows `settings` can keep within `target` bytes; 0 when not even one fits.
  func largestCutoff(_ settings: QuantizationSettings, fitting target: Int) -> Int {
    if bytes(settings, keeping: ranked.count) <= target { return ranked.count }
    var low = 0
    var high = ranked.count
    while low + 1 < high {
      let middle = (low + high) / 2
      if bytes(settings, keeping: middle) <= target { low = middle } else { high = middle }
    }
    return low
  }
}
