import Foundation
import MultiTaskText
import Yams

/// The two languages a configuration file may be written in.
public enum ConfigurationFormat: String, Sendable, Equatable, CaseIterable {
  /// JSON, read with Foundation's strict JSON decoder.
  case json
  /// YAML, read with Yams (libyaml) and resolved with the YAML 1.2 core schema.
  case yaml

  /// The format named by a file's extension (`.json`, `.yaml`, `.yml`), or, for any other
  /// extension, the one its text looks like: JSON when it starts with `{` or `[`.
  ///
  /// - Parameters:
  ///   - path: The configuration file's path.
  ///   - text: The file's contents, consulted only when the extension is not decisive.
  /// - Returns: The format to parse the file with.
  public static func detect(path: String, text: String) -> ConfigurationFormat {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "json": return .json
    case "yaml", "yml": return .yaml
    default:
      let first = text.first { !$0.isWhitespace }
      return first == "{" || first == "[" ? .json : .yaml
    }
  }
}

/// Turns configuration text into a ``ConfigurationValue`` tree, mapping parser errors to
/// ``ConfigurationError/syntax(path:line:column:problem:)``.
enum ConfigurationDocument {
  /// Parses `text` in `format`; an empty document is an empty mapping.
  static func parse(
    _ text: String, format: ConfigurationFormat, sourceName: String
  ) throws(ConfigurationError) -> ConfigurationValue {
    switch format {
    case .json: return try parseJSON(text, sourceName: sourceName)
    case .yaml: return try parseYAML(text, sourceName: sourceName)
    }
  }

  private static func parseJSON(
    _ text: String, sourceName: String
  ) throws(ConfigurationError) -> ConfigurationValue {
    let data = Data(text.utf8)
    let value: ConfigurationValue
    do {
      value = try JSONDecoder().decode(ConfigurationValue.self, from: data)
    } catch {
      throw jsonSyntaxError(data: data, text: text, sourceName: sourceName)
    }
    if let duplicate = JSONDuplicateKeyCheck.firstDuplicate(in: Array(text.utf8)) {
      let (line, column) = position(ofOffset: duplicate.offset, in: text)
      throw .syntax(
        path: sourceName, line: line, column: column,
        problem: "duplicate key \"\(duplicate.key)\"")
    }
    return value
  }

  /// Describes why `data` is not JSON. `JSONDecoder` only says that it is not, so the text is
  /// parsed again with `JSONSerialization`, whose message gives the byte offset of the problem.
  private static func jsonSyntaxError(
    data: Data, text: String, sourceName: String
  ) -> ConfigurationError {
    var message = "the text is not valid JSON"
    do {
      _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
        message = detail
      }
    }
    guard let marker = message.range(of: " around character ") else {
      return .syntax(path: sourceName, line: nil, column: nil, problem: message)
    }
    let problem = String(message[..<marker.lowerBound])
    guard let offset = Int(message[marker.upperBound...].prefix { $0.isNumber }) else {
      return .syntax(path: sourceName, line: nil, column: nil, problem: problem)
    }
    let (line, column) = position(ofOffset: offset, in: text)
    return .syntax(path: sourceName, line: line, column: column, problem: problem)
  }

  /// The 1-based line and column (in Unicode scalars) of a byte offset.
  private static func position(ofOffset offset: Int, in text: String) -> (Int, Int) {
    let before = text.utf8.prefix(offset)
    let line = before.count { $0 == UInt8(ascii: "\n") } + 1
    let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) }
    let column =
      String(decoding: before[(lineStart ?? before.startIndex)...], as: UTF8.self)
      .unicodeScalars.count + 1
    return (line, column)
  }

  /// Parses YAML without expanding aliases.
  ///
  /// Yams resolves an alias to the anchored node itself, so a composed tree is cheap, but
  /// walking it would visit every repetition: a "billion laughs" document of a few hundred
  /// bytes expands into billions of values. The parser is kept alive while the tree is
  /// converted, because it owns the anchors; a node whose anchor was already visited is an
  /// alias and is refused before anything is expanded.
  private static func parseYAML(
    _ text: String, sourceName: String
  ) throws(ConfigurationError) -> ConfigurationValue {
    let parser: Parser
    let root: Node?
    do {
      parser = try Parser(yaml: text)
      root = try parser.singleRoot()
    } catch let error as YamlError {
      throw syntaxError(error, sourceName: sourceName)
    } catch {
      throw .syntax(path: sourceName, line: nil, column: nil, problem: String(describing: error))
    }
    guard let root else { return .mapping([]) }
    var conversion = YAMLConversion(sourceName: sourceName)
    let result = try conversion.value(of: root)
    withExtendedLifetime(parser) {}
    return result
  }

  private static func syntaxError(_ error: YamlError, sourceName: String) -> ConfigurationError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .syntax(path: sourceName, line: mark.line, column: mark.column, problem: problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
      return .syntax(
        path: sourceName, line: context.mark.line, column: context.mark.column,
        problem: "duplicate key \(keys)")
    case .reader(let problem, _, _, _):
      return .syntax(path: sourceName, line: nil, column: nil, problem: problem)
    default:
      return .syntax(path: sourceName, line: nil, column: nil, problem: error.description)
    }
  }
}
