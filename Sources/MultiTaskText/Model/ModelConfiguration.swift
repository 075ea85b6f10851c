/// The size of the shared model.
///
/// Only the embedding dimension is chosen by the user: each task's head is sized by its
/// label set, and the input rows by the vocabulary and the feature buckets.
public struct ModelConfiguration: Codable, Sendable, Equatable {
  /// The largest dimension accepted, which keeps a typo from allocating gigabytes; the
  /// model format's own limit (``ModelLimits/maximumDimension``), so every dimension that
  /// trains also loads.
  public static let largestDimension = ModelLimits.maximumDimension

  /// The length of the shared document vector; 1 through ``largestDimension``.
  public var dimension: Int
  /// Rows of each task's private embedding table; 0 (the default) shares everything.
  ///
  /// A shared-private encoder: each task adds the mean of its own hashed rows to the shared
  /// document vector, so it can keep what is only its own without pulling the shared rows.
  /// Costs `tasks × privateBuckets × dimension × 4` bytes.
  public var privateBuckets: Int

  /// Creates model settings.
  ///
  /// - Parameters:
  ///   - dimension: The embedding dimension; 50 by default, as in fastText's supervised mode.
  ///   - privateBuckets: Rows of each task's private table; 0 (shared only) by default.
  ///   - pretrainedVectors: A fastText `.vec` file whose vectors start the rows of the words
  ///     they name; none by default.
  public init(dimension: Int = 50, privateBuckets: Int = 0, pretrainedVectors: String? = nil) {
    self.dimension = dimension
    self.privateBuckets = privateBuckets
    self.pretrainedVectors = pretrainedVectors
  }

  /// A fastText `.vec` text file (a `count dimension` header, then `word v1 … vD` lines)
  /// whose vectors start the embedding rows of the training vocabulary's words, instead of
  /// random values; nil for none. Its dimension must equal ``dimension``.
  public var pretrainedVectors: String?

  /// Whether a sparse linear path joins the embedding bag (``LinearPathMode``). `auto` by
  /// default, since dev data then decides per task and the path won on the shared corpora
  /// (docs/ACCURACY.md); `off` trains exactly the model trained before the path existed.
  /// Recorded settings without the key are `off`: they predate the path.
  public var linear: LinearPathMode = .auto

  private enum CodingKeys: String, CodingKey {
    case dimension, privateBuckets, pretrainedVectors, linear
  }

  /// Decodes settings; `privateBuckets`, `pretrainedVectors` and `linear` may be absent.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    dimension = try container.decode(Int.self, forKey: .dimension)
    privateBuckets = try container.decodeIfPresent(Int.self, forKey: .privateBuckets) ?? 0
    pretrainedVectors = try container.decodeIfPresent(String.self, forKey: .pretrainedVectors)
    linear = try container.decodeIfPresent(LinearPathMode.self, forKey: .linear) ?? .off
  }

  /// Encodes every setting; the vectors file only when there is one.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(dimension, forKey: .dimension)
    try container.encode(privateBuckets, forKey: .privateBuckets)
    try container.encodeIfPresent(pretrainedVectors, forKey: .pretrainedVectors)
    // Absent when off, so the settings recorded by runs without a path keep their bytes.
    if linear != .off { try container.encode(linear, forKey: .linear) }
  }
}
