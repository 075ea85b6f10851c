extension ProductQuantizer {
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
}
