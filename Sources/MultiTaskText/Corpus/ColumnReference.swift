/// Names one column of a CSV or TSV file, by header name or by 0-based position.
///
/// Files with a header row are best addressed by name, which survives column reordering.
/// Files without one can only be addressed by position. In configuration files a string
/// means a name and an integer means a position.
public enum ColumnReference: Sendable, Hashable {
  /// The column whose header cell equals this name exactly.
  case name(String)
  /// The column at this 0-based position.
  case index(Int)
}

extension ColumnReference: CustomStringConvertible {
  /// The reference as it would be written in an error message: a quoted name or `#index`.
  public var description: String {
    switch self {
    case .name(let name): return "\"\(name)\""
    case .index(let index): return "#\(index)"
    }
  }
}

extension ColumnReference: Codable {
  /// Decodes a string as a name and an integer as a position.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    // `try?` only sniffs the JSON type: a value that is not an integer is decoded as a name
    // below, and a value that is neither still throws from there.
    if let index = try? container.decode(Int.self) {
      self = .index(index)
    } else {
      self = .name(try container.decode(String.self))
    }
  }

  /// Encodes a name as a string and a position as an integer.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .name(let name): try container.encode(name)
    case .index(let index): try container.encode(index)
    }
  }
}
