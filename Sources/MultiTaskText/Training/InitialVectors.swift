/// Starting values for some embedding rows, instead of the random initialization: pretrained
/// word vectors, keyed by the training vocabulary's word id.
///
/// Only the words of the vocabulary are kept, so a multi-gigabyte vector file costs memory in
/// proportion to the corpus, not to the file.
public struct InitialVectors: Sendable, Equatable {
  /// The width of every vector.
  public let dimension: Int
  /// Word id (the embedding row) to its starting values.
  public private(set) var rows: [Int32: [Float]] = [:]

  /// An empty set of vectors of width `dimension`.
  public init(dimension: Int) { self.dimension = dimension }

  /// Sets the starting values of word `id`'s row.
  ///
  /// - Precondition: `values.count == dimension`.
  public mutating func set(_ values: [Float], forWord id: TokenID) {
    precondition(values.count == dimension, "a vector of the wrong width")
    rows[id.rawValue] = values
  }

  /// Sets the starting values of embedding row `row`: a word's id, or a hashed bucket's row
  /// after the words (a fastText `.bin` file has vectors for character n-grams too).
  ///
  /// - Precondition: `values.count == dimension`.
  mutating func set(_ values: [Float], forRow row: Int32) {
    precondition(values.count == dimension, "a vector of the wrong width")
    rows[row] = values
  }

  /// The number of rows with a vector.
  public var count: Int { rows.count }
}
