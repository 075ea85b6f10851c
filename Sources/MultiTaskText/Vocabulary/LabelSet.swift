/// The labels of one task, in a fixed order that gives each its ``LabelID``.
///
/// Labels sort by their UTF-8 bytes, so the order never depends on which file was read first
/// or on a dictionary's iteration order.
public struct LabelSet: Sendable, Equatable, Codable {
  /// The most labels (classes) one task may have: 100,000. Each label is a row of the
  /// task's output layer and a row and column of its confusion matrix, so a task with more
  /// is almost always a mistake, such as a text column read as the label.
  public static let maximumCount = 100_000

  /// The labels, in id order.
  public let labels: [String]
  private let ids: [String: Int32]

  /// Creates the set of distinct `labels`, sorted.
  public init(_ labels: some Sequence<String>) {
    let sorted = Set(labels).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    self.labels = sorted
    var ids: [String: Int32] = [:]
    for (index, label) in sorted.enumerated() { ids[label] = Int32(index) }
    self.ids = ids
  }

  /// The number of labels.
  public var count: Int { labels.count }

  /// The id of `label`, or nil for a label not in the set.
  public func id(of label: String) -> LabelID? { ids[label].map { LabelID($0) } }

  /// The label with `id`.
  public subscript(id: LabelID) -> String { labels[Int(id.rawValue)] }

  /// Decodes a JSON array of label strings, then sorts and deduplicates it like
  /// ``init(_:)``, so a hand-edited manifest cannot give two labels the same id.
  ///
  /// - Parameter decoder: A decoder positioned at the array.
  /// - Throws: `DecodingError` when the value is not an array of strings.
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode([String].self))
  }

  /// Encodes the labels as a plain JSON array in id order, which is all a reader needs to
  /// rebuild the same ids.
  ///
  /// - Parameter encoder: The encoder to write the array to.
  /// - Throws: What `encoder` throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(labels)
  }
}
