/// The numeric kernels of training and prediction: the only unsafe pointer arithmetic on
/// parameters in the library.
///
/// Every kernel works on rows of `count` contiguous floats that callers own (a matrix's
/// storage, the trainer's packed embedding rows, a worker's scratch vector), never allocates,
/// and processes eight lanes at a time with `SIMD8<Float>`, then a scalar tail, so any
/// dimension works. Vectors are raw pointers because they live in per-worker scratch buffers
/// that the hot loop reuses. Bounds are checked by `assert`, in debug builds only; the tests
/// compare every kernel with a naive loop, and the trainer, dev scoring and the predictor all
/// run these same kernels through ``ForwardPass``.
enum RowKernels {
  typealias Lanes = SIMD8<Float>
  static let laneCount = Lanes.scalarCount

  /// The dot product of two rows: one score of a softmax head.
  @inline(__always)
  static func dot(
    _ left: UnsafePointer<Float>, _ right: UnsafePointer<Float>, count: Int
  ) -> Float {
    var sums = Lanes()
    var index = 0
    while index + laneCount <= count {
      sums += load(left + index) * load(right + index)
      index += laneCount
    }
    var total = sums.sum()
    while index < count {
      total += left[index] * right[index]
      index += 1
    }
    return total
  }

  /// Adds `scale × source` to `target`: a gradient step on a row, or one row into a mean.
  @inline(__always)
  static func add(
    _ source: UnsafePointer<Float>, scale: Float, to target: UnsafeMutablePointer<Float>,
    count: Int
  ) {
    let scales = Lanes(repeating: scale)
    var index = 0
    while index + laneCount <= count {
      store(load(target + index) + scales * load(source + index), target + index)
      index += laneCount
    }
    while index < count {
      target[index] += scale * source[index]
      index += 1
    }
  }

  /// Multiplies every element of `target` by `factor`.
  @inline(__always)
  static func scale(_ target: UnsafeMutablePointer<Float>, by factor: Float, count: Int) {
    var index = 0
    while index + laneCount <= count {
      store(load(target + index) * factor, target + index)
      index += laneCount
    }
    while index < count {
      target[index] *= factor
      index += 1
    }
  }

  /// Writes the mean of the selected rows of a dense table into `output`: a document vector.
  /// An empty list gives a zero vector; a row listed twice counts twice.
  ///
  /// - Parameters:
  ///   - ids: Row numbers.
  ///   - rows: The first row; row `i` starts at `rows + i × columns`.
  ///   - columns: The row width.
  ///   - output: `columns` floats, overwritten.
  @inline(__always)
  static func averageRows(
    _ ids: UnsafeBufferPointer<Int32>, of rows: UnsafePointer<Float>, columns: Int,
    into output: UnsafeMutablePointer<Float>
  ) {
    output.update(repeating: 0, count: columns)
    guard !ids.isEmpty else { return }
    for id in ids {
      add(rows + Int(id) * columns, scale: 1, to: output, count: columns)
    }
    scale(output, by: 1 / Float(ids.count), count: columns)
  }

  /// Adds `vector` to every selected row of a dense table: the embedding update after one
  /// example. A row listed twice is updated twice, as the mean it came from counted it twice.
  @inline(__always)
  static func addToRows(
    _ vector: UnsafePointer<Float>, rows ids: UnsafeBufferPointer<Int32>,
    of rows: UnsafeMutablePointer<Float>, columns: Int
  ) {
    for id in ids {
      add(vector, scale: 1, to: rows + Int(id) * columns, count: columns)
    }
  }

  /// Writes `rowCount` dot products into `scores`: row `i` of the table times `input`, every
  /// score of a head.
  @inline(__always)
  static func multiply(
    rows: UnsafePointer<Float>, rowCount: Int, columns: Int, by input: UnsafePointer<Float>,
    into scores: UnsafeMutablePointer<Float>
  ) {
    for row in 0..<rowCount {
      scores[row] = dot(rows + row * columns, input, count: columns)
    }
  }

  @inline(__always)
  static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
  }

  @inline(__always)
  static func store(_ lanes: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: Lanes.self)
  }
}
