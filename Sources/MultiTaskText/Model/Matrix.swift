/// A dense row-major matrix of floats: the embedding table and each task's output head.
///
/// Row `r` occupies `storage[r * columns ..< (r + 1) * columns]`, so a row is contiguous and
/// the kernels in `Matrix+Kernels.swift` can stream through it. A value type: copies are
/// cheap until written, and a copied model never shares weights by accident.
public struct Matrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns, the length of every row.
  public let columns: Int
  /// The elements, row after row; its count is always `rows * columns`.
  public private(set) var storage: [Float]

  /// Creates a matrix of zeros.
  public init(rows: Int, columns: Int) {
    precondition(rows >= 0 && columns >= 0, "matrix sizes must not be negative")
    self.rows = rows
    self.columns = columns
    storage = [Float](repeating: 0, count: rows * columns)
  }

  /// Wraps existing elements laid out row after row.
  ///
  /// - Precondition: `storage.count == rows * columns`.
  public init(rows: Int, columns: Int, storage: [Float]) {
    precondition(rows >= 0 && columns >= 0, "matrix sizes must not be negative")
    precondition(storage.count == rows * columns, "storage does not hold rows × columns floats")
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// Creates a matrix of values drawn uniformly from `[-bound, bound)`.
  ///
  /// This is fastText's initialization of its embedding table (`bound = 1 / dimension`). The
  /// trainer itself initializes only the rows its corpus uses, each from its own stream (see
  /// `EmbeddingStorage`); this initializer serves callers that want a whole random matrix.
  /// Values are drawn row by row from `generator`, so one seed always gives the same matrix.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - bound: The largest magnitude; must not be negative.
  ///   - generator: The source of randomness, typically `SplitMix64(seed:stream:)`.
  public init(
    rows: Int, columns: Int, uniformBound bound: Float,
    using generator: inout some RandomNumberGenerator
  ) {
    precondition(bound >= 0, "the bound of a uniform range must not be negative")
    self.init(rows: rows, columns: columns)
    for index in storage.indices {
      storage[index] = (generator.nextUnitFloat() * 2 - 1) * bound
    }
  }

  /// The element at `row`, `column`.
  public subscript(row: Int, column: Int) -> Float {
    get {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "out of bounds")
      return storage[row * columns + column]
    }
    set {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "out of bounds")
      storage[row * columns + column] = newValue
    }
  }

  /// The elements of one row.
  public func row(_ row: Int) -> ArraySlice<Float> {
    precondition(row >= 0 && row < rows, "row \(row) is out of bounds")
    return storage[(row * columns)..<((row + 1) * columns)]
  }

  /// Sets every element to zero, keeping the shape.
  public mutating func zero() {
    for index in storage.indices { storage[index] = 0 }
  }
}
