/// The two matrix operations prediction needs, on ``RowKernels``.
///
/// A trained model keeps its heads and private tables as matrices; the forward pass reads them
/// through these, and the trainer reads its own raw rows through the same kernels, so the
/// arithmetic is the same in both.
extension Matrix {
  /// Writes the product of this matrix with `vector` into `output`: every score of a head.
  ///
  /// - Parameters:
  ///   - vector: `columns` floats.
  ///   - output: `rows` floats, overwritten.
  public func multiply(_ vector: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
    storage.withUnsafeBufferPointer { elements in
      guard let base = elements.baseAddress else { return }
      RowKernels.multiply(
        rows: base, rowCount: rows, columns: columns, by: vector, into: output)
    }
  }

  /// Adds `scale × row` to `vector`: one private row into a task's document vector.
  ///
  /// - Parameters:
  ///   - row: The row, in `0..<rows`.
  ///   - vector: `columns` floats, accumulated into.
  ///   - scale: The row's factor.
  public func addRowToVector(
    _ row: Int, _ vector: UnsafeMutablePointer<Float>, scale: Float = 1
  ) {
    assert(row >= 0 && row < rows, "row \(row) is out of bounds")
    storage.withUnsafeBufferPointer { elements in
      guard let base = elements.baseAddress else { return }
      RowKernels.add(base + row * columns, scale: scale, to: vector, count: columns)
    }
  }

  /// Row `row` times `vector`: one label's score, or one node's score of a hierarchical head.
  ///
  /// - Parameters:
  ///   - row: The row, in `0..<rows`.
  ///   - vector: `columns` floats.
  func dotRow(_ row: Int, _ vector: UnsafePointer<Float>) -> Float {
    assert(row >= 0 && row < rows, "row \(row) is out of bounds")
    return storage.withUnsafeBufferPointer { elements in
      guard let base = elements.baseAddress else { return 0 }
      return RowKernels.dot(base + row * columns, vector, count: columns)
    }
  }
}
