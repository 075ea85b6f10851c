/// The position of a word in the vocabulary, `0..<vocabulary.count`.
///
/// Ids are small typed wrappers over `Int32` so that a token id cannot be passed where a label
/// id is expected; each is a single `Int32` in memory and in a `Codable` encoding.
public struct TokenID: RawRepresentable, Hashable, Comparable, Sendable, Codable {
  /// The id used for a token that is not in the vocabulary.
  public static let outOfVocabulary = TokenID(-1)

  /// The index, or `-1` for a token outside the vocabulary.
  public var rawValue: Int32

  /// Wraps an index.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// Wraps an index.
  public init(_ rawValue: Int32) { self.rawValue = rawValue }

  /// Whether the token is in the vocabulary.
  public var isInVocabulary: Bool { rawValue >= 0 }

  /// Orders ids by index, so sorts of ids are deterministic.
  public static func < (left: TokenID, right: TokenID) -> Bool { left.rawValue < right.rawValue }
}

/// The position of a label within one task's label set.
public struct LabelID: RawRepresentable, Hashable, Comparable, Sendable, Codable {
  /// The index within the task's labels.
  public var rawValue: Int32

  /// Wraps an index.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// Wraps an index.
  public init(_ rawValue: Int32) { self.rawValue = rawValue }

  /// Orders ids by index, so sorts of ids are deterministic.
  public static func < (left: LabelID, right: LabelID) -> Bool { left.rawValue < right.rawValue }
}
