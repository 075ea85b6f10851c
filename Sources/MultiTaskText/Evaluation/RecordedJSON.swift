import Foundation

/// A value kept as the JSON it encodes to: a report records the effective configuration of
/// its run this way, so that the reports, which the pipeline writes, need not know the
/// pipeline's configuration type.
///
/// It encodes to the same JSON as the value it was made from (objects come back with their
/// keys sorted, as the reports write them), and integers keep every digit.
public indirect enum RecordedJSON: Sendable, Equatable, Codable {
  /// A JSON object.
  case object([String: RecordedJSON])
  /// A JSON array.
  case array([RecordedJSON])
  /// A string.
  case string(String)
  /// An integer that fits in 64 signed bits.
  case integer(Int64)
  /// An integer above `Int64.max`, such as a large seed.
  case unsigned(UInt64)
  /// Any other number.
  case number(Double)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null

  /// Records `value` as the JSON it encodes to.
  ///
  /// - Throws: `EncodingError` when `value` cannot be encoded, such as a non-finite number.
  public init(encoding value: some Encodable) throws {
    let data = try JSONEncoder().encode(value)
    self = try JSONDecoder().decode(Self.self, from: data)
  }

  /// Decodes any JSON value.
  public init(from decoder: any Decoder) throws {
    if var list = try? decoder.unkeyedContainer() {
      var elements: [RecordedJSON] = []
      while !list.isAtEnd { elements.append(try list.decode(RecordedJSON.self)) }
      self = .array(elements)
    } else if let object = try? decoder.container(keyedBy: Key.self) {
      var members: [String: RecordedJSON] = [:]
      for key in object.allKeys {
        members[key.stringValue] = try object.decode(Self.self, forKey: key)
      }
      self = .object(members)
    } else {
      self = try Self.scalar(decoder.singleValueContainer())
    }
  }

  /// Decodes a string, number, boolean or null, trying exact integers before doubles.
  private static func scalar(_ value: any SingleValueDecodingContainer) throws -> RecordedJSON {
    if value.decodeNil() { return .null }
    if let bool = try? value.decode(Bool.self) { return .bool(bool) }
    if let integer = try? value.decode(Int64.self) { return .integer(integer) }
    if let unsigned = try? value.decode(UInt64.self) { return .unsigned(unsigned) }
    if let number = try? value.decode(Double.self) { return .number(number) }
    return .string(try value.decode(String.self))
  }

  /// Encodes the value as the JSON it was decoded from.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .object(let members):
      var object = encoder.container(keyedBy: Key.self)
      for (key, member) in members { try object.encode(member, forKey: Key(key)) }
    case .array(let elements):
      var list = encoder.unkeyedContainer()
      for element in elements { try list.encode(element) }
    case .string(let text): try Self.encodeSingle(text, to: encoder)
    case .integer(let integer): try Self.encodeSingle(integer, to: encoder)
    case .unsigned(let unsigned): try Self.encodeSingle(unsigned, to: encoder)
    case .number(let number): try Self.encodeSingle(number, to: encoder)
    case .bool(let bool): try Self.encodeSingle(bool, to: encoder)
    case .null:
      var single = encoder.singleValueContainer()
      try single.encodeNil()
    }
  }

  /// Encodes one scalar.
  private static func encodeSingle(_ value: some Encodable, to encoder: any Encoder) throws {
    var single = encoder.singleValueContainer()
    try single.encode(value)
  }

  /// Any object key.
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ stringValue: String) { self.stringValue = stringValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
