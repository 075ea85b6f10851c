/// Product quantization (Jégou et al. 2011, as used by FastText.zip): a row is cut into
/// sub-vectors of ``subvectorDimension`` floats, and each is replaced by the index of the
/// nearest of at most 256 centroids fitted for that position, one byte.
///
/// A row of 50 floats (200 bytes) with sub-vectors of 2 becomes 25 bytes. When the dimension
/// is not a multiple of the sub-vector dimension, the last sub-vector is shorter. Decoding
/// is a table lookup per sub-vector, which is why the centroids of sub-quantizer `s` sit
/// together: `centroidCount × width(s)` floats, starting at `s × centroidCount ×
/// subvectorDimension`.
///
/// The model holds a quantizer and decodes with it; fitting one to rows and encoding rows
/// with it are the quantizer's job (`ProductQuantizer+Fitting.swift` in `Quantization/`).
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
