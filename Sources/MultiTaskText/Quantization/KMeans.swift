/// Lloyd's k-means on short vectors, seeded: the codebooks of product quantization and the
/// norm codebook.
///
/// Training runs on at most ``maximumPointsPerCentroid`` points per centroid, drawn at
/// random, as FastText.zip does: more points barely move the centroids and cost linear time.
/// The first centroids are distinct random points; a centroid left without points takes a
/// copy of the centroid of a populous cluster, nudged apart, so every code stays useful.
struct KMeans {
  /// The largest number of points the centroids are fitted on, per centroid.
  static let maximumPointsPerCentroid = 256
  /// Lloyd iterations.
  var iterations = 25
  /// How far a centroid copied into an empty cluster is moved apart, relative to its values.
  static let splitNudge: Float = 1 / 1024

  /// The `count` centroids of `points` (`pointCount` vectors of `dimension` floats, one after
  /// another), or fewer when there are fewer points: `min(count, pointCount)` centroids of
  /// `dimension` floats, one after another.
  func centroids(
    of points: UnsafeBufferPointer<Float>, pointCount: Int, dimension: Int, count: Int,
    generator: inout SplitMix64
  ) -> [Float] {
    let centroidCount = min(count, pointCount)
    guard centroidCount > 0, dimension > 0 else { return [] }
    // A random order of the points: its prefix is the sample and the first centroids.
    var order = Array(0..<pointCount)
    let sampleCount = min(pointCount, centroidCount * Self.maximumPointsPerCentroid)
    for index in 0..<sampleCount {
      let other = index + Int(generator.next() % UInt64(pointCount - index))
      order.swapAt(index, other)
    }
    var sample = [Float](repeating: 0, count: sampleCount * dimension)
    for index in 0..<sampleCount {
      let source = order[index] * dimension
      for column in 0..<dimension { sample[index * dimension + column] = points[source + column] }
    }
    var centroids = Array(sample[0..<(centroidCount * dimension)])
    var assignments = [Int](repeating: 0, count: sampleCount)
    var sizes = [Int](repeating: 0, count: centroidCount)
    for _ in 0..<iterations {
      sample.withUnsafeBufferPointer { sample in
        guard let points = sample.baseAddress else { return }
        for index in 0..<sampleCount {
          assignments[index] = Self.nearest(
            to: points + index * dimension, in: centroids, count: centroidCount,
            dimension: dimension)
        }
      }
      centroids = [Float](repeating: 0, count: centroidCount * dimension)
      sizes = [Int](repeating: 0, count: centroidCount)
      for index in 0..<sampleCount {
        let cluster = assignments[index]
        sizes[cluster] += 1
        for column in 0..<dimension {
          centroids[cluster * dimension + column] += sample[index * dimension + column]
        }
      }
      for cluster in 0..<centroidCount where sizes[cluster] > 0 {
        let scale = 1 / Float(sizes[cluster])
        for column in 0..<dimension { centroids[cluster * dimension + column] *= scale }
      }
      splitEmptyClusters(&centroids, sizes: &sizes, dimension: dimension, generator: &generator)
    }
    return centroids
  }

  /// Gives each empty cluster half of a cluster drawn in proportion to its size: a copy of
  /// its centroid, the two nudged in opposite directions.
  private func splitEmptyClusters(
    _ centroids: inout [Float], sizes: inout [Int], dimension: Int,
    generator: inout SplitMix64
  ) {
    let total = sizes.reduce(0, +)
    guard total > 0 else { return }
    for empty in sizes.indices where sizes[empty] == 0 {
      var donor = 0
      while true {
        let draw = Int(generator.next() % UInt64(total))
        var running = 0
        for (cluster, size) in sizes.enumerated() {
          running += size
          if draw < running {
            donor = cluster
            break
          }
        }
        if sizes[donor] > 1 { break }
        if sizes.allSatisfy({ $0 <= 1 }) { return }
      }
      for column in 0..<dimension {
        let value = centroids[donor * dimension + column]
        let nudge = Self.splitNudge * (value == 0 ? 1 : abs(value))
        centroids[empty * dimension + column] = value + nudge
        centroids[donor * dimension + column] = value - nudge
      }
      sizes[empty] = sizes[donor] / 2
      sizes[donor] -= sizes[empty]
    }
  }

  /// The index of the centroid nearest `point` in squared Euclidean distance; ties go to the
  /// first.
  @inline(__always)
  static func nearest(
    to point: UnsafePointer<Float>, in centroids: [Float], count: Int, dimension: Int
  ) -> Int {
    centroids.withUnsafeBufferPointer { centroids in
      guard let table = centroids.baseAddress else { return 0 }
      var best = 0
      var bestDistance = Float.infinity
      for centroid in 0..<count {
        let base = table + centroid * dimension
        var distance: Float = 0
        for column in 0..<dimension {
          let difference = point[column] - base[column]
          distance += difference * difference
        }
        if distance < bestDistance {
          bestDistance = distance
          best = centroid
        }
      }
      return best
    }
  }
}
