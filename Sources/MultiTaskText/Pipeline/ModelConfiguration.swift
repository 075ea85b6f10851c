/// The size of the shared model.
///
/// Only the embedding dimension is chosen by the user: each task's head is sized by its
/// label set, and the input rows by the vocabulary and the feature buckets.
public struct ModelConfiguration: Codable, Sendable, Equatable {
  /// The largest dimension accepted, which keeps a typo from allocating gigabytes.
  public static let largestDimension = 4096

  /// The length of the shared document vector; 1 through ``largestDimension``.
  public var dimension: Int

  /// Creates model settings.
  ///
  /// - Parameter dimension: The embedding dimension; 50 by default, as in fastText's
  ///   supervised mode.
  public init(dimension: Int = 50) {
    self.dimension = dimension
  }
}
