import MultiTaskText

/// A parsed configuration document before its keys are checked: YAML and JSON both become
/// this tree, so one decoder serves both and reports errors the same way.
///
/// Mappings keep their entries in file order, so the first problem reported is the first
/// one in the file.
enum ConfigurationValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case list([ConfigurationValue])
  case mapping([ConfigurationEntry])

  /// Reads an unquoted YAML scalar with the YAML 1.2 core schema.
  ///
  /// The core schema is used instead of YAML 1.1, which libyaml follows, so that `yes`,
  /// `no`, `on` and `off` stay strings (a label called `no` must not become `false`) and
  /// JSON-looking values mean what they mean in JSON.
  ///
  /// - Parameter text: The scalar as written, without quotes.
  /// - Returns: A null, boolean, integer, number or string.
  init(plainScalar text: String) {
    switch text {
    case "", "~", "null", "Null", "NULL":
      self = .null
    case "true", "True", "TRUE":
      self = .bool(true)
    case "false", "False", "FALSE":
      self = .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
      self = .number(.infinity)
    case "-.inf", "-.Inf", "-.INF":
      self = .number(-.infinity)
    case ".nan", ".NaN", ".NAN":
      self = .number(.nan)
    default:
      self = Self.number(in: text) ?? .string(text)
    }
  }

  /// The integer or number spelled by `text`, or `nil` when it is not one.
  private static func number(in text: String) -> ConfigurationValue? {
    if let integer = Int(text) { return .integer(integer) }
    if text.hasPrefix("0x"), let integer = Int(text.dropFirst(2), radix: 16) {
      return .integer(integer)
    }
    if text.hasPrefix("0o"), let integer = Int(text.dropFirst(2), radix: 8) {
      return .integer(integer)
    }
    let allowed = Set("0123456789+-.eE")
    guard text.allSatisfy(allowed.contains), text.contains(where: \.isNumber),
      let number = Double(text)
    else { return nil }
    return .number(number)
  }

  /// How the value is shown after "found" in an error message.
  var found: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return String(value)
    case .integer(let value): return String(value)
    case .number(let value): return String(value)
    case .string(let value): return "\"\(value)\""
    case .list: return "a list"
    case .mapping: return "a mapping"
    }
  }

  /// The entries of a mapping, or `nil` for any other value.
  var entries: [ConfigurationEntry]? {
    if case .mapping(let entries) = self { return entries }
    return nil
  }
}

/// One key and its value in a ``ConfigurationValue/mapping(_:)``.
struct ConfigurationEntry: Sendable, Equatable {
  var key: String
  var value: ConfigurationValue
}

extension ConfigurationValue: Decodable {
  /// Decodes any JSON value; mapping keys are sorted, since JSON decoding loses their order.
  init(from decoder: any Decoder) throws {
    if let container = try? decoder.container(keyedBy: AnyKey.self) {
      let keys = container.allKeys.sorted { $0.stringValue < $1.stringValue }
      self = .mapping(
        try keys.map { key in
          ConfigurationEntry(
            key: key.stringValue,
            value: try container.decode(ConfigurationValue.self, forKey: key))
        })
      return
    }
    if var container = try? decoder.unkeyedContainer() {
      var values: [ConfigurationValue] = []
      while !container.isAtEnd { values.append(try container.decode(ConfigurationValue.self)) }
      self = .list(values)
      return
    }
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  /// A coding key for arbitrary JSON object keys.
  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
