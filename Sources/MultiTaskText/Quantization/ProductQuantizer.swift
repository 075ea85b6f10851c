/// Product quantization (Jégou et al. 2011, as used by FastText.zip): a row is cut into
/// sub-vectors of ``subvectorDimension`` floats, and each is replaced by the index of the
/// nearest of at most 256 centroids fitted for that position, one byte.
///
/// A row of 50 floats (200 bytes) with sub-vectors of 2 becomes 25 bytes. When the dimension
/// is not a multiple of the sub-vector dimension, the last sub-vector is shorter. Decoding
/// is a table lookup per sub-vector, which is why the centroids of sub-quantizer `s` sit
/// together: `centroidCount × width(s)` floats, starting at `s × centroidCount ×
/// subvectorDimension`.
public struct ProductQuantizer: Sendable, Equatable {
  /// The width of the rows.
  public let dimension: Int
  /// The width of each sub-vector but possibly the last.
  public let subvectorDimension: Int
  /// Centroids per sub-quantizer: at most 256, so that a code is one byte.
  public let centroidCount: Int
  /// Every sub-quantizer's centroids, one sub-quantizer after another.
  let centroids: [Float]

  /// The largest number of centroids: a code is one byte.
  public static let maximumCentroids = 256

  /// A quantizer from its parts.
  ///
  /// - Precondition: the parts fit together (``fits(dimension:subvectorDimension:centroidCount:centroids:)``).
  init(dimension: Int, subvectorDimension: Int, centroidCount: Int, centroids: [Float]) {
    precondition(
      Self.fits(
        dimension: dimension, subvectorDimension: subvectorDimension,
        centroidCount: centroidCount, centroids: centroids.count),
      "the centroids fit the shape")
    self.dimension = dimension
    self.subvectorDimension = subvectorDimension
    self.centroidCount = centroidCount
    self.centroids = centroids
  }

  /// Whether stored parts fit together: what a reader checks before building a quantizer.
  static func fits(
    dimension: Int, subvectorDimension: Int, centroidCount: Int, centroids: Int
  ) -> Bool {
    dimension > 0 && subvectorDimension > 0 && subvectorDimension <= dimension
      && centroidCount > 0 && centroidCount <= maximumCentroids
      && centroids == centroidCount * dimension
  }

  /// The number of sub-vectors, and so of code bytes, per row.
  public var subquantizerCount: Int {
    (dimension + subvectorDimension - 1) / subvectorDimension
  }

  /// The width of sub-vector `subquantizer`: the last may be shorter.
  @inline(__always)
  func width(of subquantizer: Int) -> Int {
    min(subvectorDimension, dimension - subquantizer * subvectorDimension)
  }

  /// Fits a quantizer to `rows` (`rowCount` rows of `dimension` floats).
  ///
  /// - Precondition: `rowCount > 0` and `1 <= subvectorDimension <= dimension`.
  static func fitted(
    to rows: [Float], rowCount: Int, dimension: Int, subvectorDimension: Int,
    kMeans: KMeans = KMeans(), generator: inout SplitMix64
  ) -> ProductQuantizer {
    let count = min(maximumCentroids, rowCount)
    let subquantizers = (dimension + subvectorDimension - 1) / subvectorDimension
    var centroids = [Float](repeating: 0, count: count * dimension)
    var slice: [Float] = []
    for subquantizer in 0..<subquantizers {
      let start = subquantizer * subvectorDimension
      let width = min(subvectorDimension, dimension - start)
      slice.removeAll(keepingCapacity: true)
      slice.reserveCapacity(rowCount * width)
      for row in 0..<rowCount {
        slice.append(
          contentsOf: rows[(row * dimension + start)..<(row * dimension + start + width)])
      }
      let fitted = slice.withUnsafeBufferPointer { points in
        kMeans.centroids(
          of: points, pointCount: rowCount, dimension: width, count: count,
          generator: &generator)
      }
      let base = subquantizer * count * subvectorDimension
      for index in fitted.indices { centroids[base + index] = fitted[index] }
    }
    // Each `fitted` has exactly `count` centroids: there are at least `count` points.
    return ProductQuantizer(
      dimension: dimension, subvectorDimension: subvectorDimension, centroidCount: count,
      centroids: centroids)
  }

  /// The codes of `rows`: `subquantizerCount` bytes per row.
  func encode(_ rows: [Float], rowCount: Int) -> [UInt8] {
    var codes = [UInt8](repeating: 0, count: rowCount * subquantizerCount)
    var subCentroids: [[Float]] = []
    for subquantizer in 0..<subquantizerCount {
      let base = subquantizer * centroidCount * subvectorDimension
      let width = width(of: subquantizer)
      subCentroids.append(Array(centroids[base..<(base + centroidCount * width)]))
    }
    rows.withUnsafeBufferPointer { rows in
      guard let values = rows.baseAddress else { return }
      for row in 0..<rowCount {
        for subquantizer in 0..<subquantizerCount {
          let start = values + row * dimension + subquantizer * subvectorDimension
          codes[row * subquantizerCount + subquantizer] = UInt8(
            KMeans.nearest(
              to: start, in: subCentroids[subquantizer], count: centroidCount,
              dimension: width(of: subquantizer)))
        }
      }
    }
    return codes
  }

  /// Writes the row whose codes start at `codes` into `output` (`dimension` floats), scaled.
  @inline(__always)
  func decode(
    _ codes: UnsafePointer<UInt8>, scale: Float, into output: UnsafeMutablePointer<Float>
  ) {
    centroids.withUnsafeBufferPointer { centroids in
      guard let table = centroids.baseAddress else { return }
      for subquantizer in 0..<subquantizerCount {
        let width = width(of: subquantizer)
        let start = subquantizer * subvectorDimension
        let centroid =
          table + subquantizer * centroidCount * subvectorDimension + Int(codes[subquantizer])
          * width
        for column in 0..<width { output[start + column] = centroid[column] * scale }
      }
    }
  }
}
