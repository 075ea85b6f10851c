/// The numeric kernels of training and prediction: the only unsafe pointer code in the
/// library.
///
/// Each kernel works on one matrix and caller-owned vectors of `columns` floats, never
/// allocates, and processes eight lanes at a time with `SIMD8<Float>`, then a scalar tail,
/// so any dimension works. Vectors are raw pointers because they live in per-worker scratch
/// buffers that the hot loop reuses. Bounds are checked by `assert`, in debug builds only;
/// the tests compare every kernel with a naive loop.
extension Matrix {
  /// Writes the mean of the selected rows into `output`: the hidden vector of a document.
  ///
  /// - Parameters:
  ///   - ids: Row indices (feature ids); an empty list gives a zero vector.
  ///   - output: `columns` floats, overwritten.
  public func averageRows(
    _ ids: UnsafeBufferPointer<Int32>, into output: UnsafeMutablePointer<Float>
  ) {
    output.update(repeating: 0, count: columns)
    guard !ids.isEmpty else { return }
    storage.withUnsafeBufferPointer { elements in
      for id in ids {
        assert(id >= 0 && Int(id) < rows, "row \(id) is out of bounds")
        Self.add(elements.baseAddress! + Int(id) * columns, scale: 1, to: output, count: columns)
      }
    }
    Self.scale(output, by: 1 / Float(ids.count), count: columns)
  }

  /// Returns the dot product of row `row` with `vector`: one score of a softmax head.
  public func dotRow(_ row: Int, _ vector: UnsafePointer<Float>) -> Float {
    assert(row >= 0 && row < rows, "row \(row) is out of bounds")
    return storage.withUnsafeBufferPointer { elements in
      Self.dot(elements.baseAddress! + row * columns, vector, count: columns)
    }
  }

  /// Adds `scale × vector` to row `row`: a gradient step on one embedding or head row.
  public mutating func addVectorToRow(_ vector: UnsafePointer<Float>, row: Int, scale: Float) {
    assert(row >= 0 && row < rows, "row \(row) is out of bounds")
    let columns = columns
    withUnsafeMutableStorage { elements in
      Self.add(vector, scale: scale, to: elements.baseAddress! + row * columns, count: columns)
    }
  }

  /// Adds `scale × vector` to each selected row: the embedding update after one example.
  ///
  /// A row listed twice is updated twice, as the average it came from counted it twice.
  public mutating func addVectorToRows(
    _ vector: UnsafePointer<Float>, rows ids: UnsafeBufferPointer<Int32>, scale: Float
  ) {
    let columns = columns
    let rows = rows
    withUnsafeMutableStorage { elements in
      for id in ids {
        assert(id >= 0 && Int(id) < rows, "row \(id) is out of bounds")
        let row = elements.baseAddress! + Int(id) * columns
        Self.add(vector, scale: scale, to: row, count: columns)
      }
    }
  }

  /// Adds `scale × row` to `vector`: accumulates a head row into the input's gradient.
  public func addRowToVector(
    _ row: Int, _ vector: UnsafeMutablePointer<Float>, scale: Float = 1
  ) {
    assert(row >= 0 && row < rows, "row \(row) is out of bounds")
    storage.withUnsafeBufferPointer { elements in
      Self.add(elements.baseAddress! + row * columns, scale: scale, to: vector, count: columns)
    }
  }

  /// Writes the product of this matrix with `vector` into `output`: every score of a head.
  ///
  /// - Parameters:
  ///   - vector: `columns` floats.
  ///   - output: `rows` floats, overwritten.
  public func multiply(_ vector: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
    storage.withUnsafeBufferPointer { elements in
      for row in 0..<rows {
        output[row] = Self.dot(elements.baseAddress! + row * columns, vector, count: columns)
      }
    }
  }

  /// Adds the transposed product `Mᵀ × vector` to `output`: the gradient a head passes back
  /// to its input, given the gradient of its scores.
  ///
  /// - Parameters:
  ///   - vector: `rows` floats.
  ///   - output: `columns` floats, accumulated into.
  public func addTransposedProduct(
    _ vector: UnsafePointer<Float>, to output: UnsafeMutablePointer<Float>
  ) {
    storage.withUnsafeBufferPointer { elements in
      for row in 0..<rows where vector[row] != 0 {
        let weights = elements.baseAddress! + row * columns
        Self.add(weights, scale: vector[row], to: output, count: columns)
      }
    }
  }

  // MARK: Lanes

  typealias Lanes = SIMD8<Float>
  static let laneCount = Lanes.scalarCount

  static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
  }

  static func store(_ lanes: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: Lanes.self)
  }

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
}
