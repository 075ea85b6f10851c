import Foundation
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
    do {
      return try JSONDecoder().decode(ConfigurationValue.self, from: Data(text.utf8))
    } catch let DecodingError.dataCorrupted(context) {
      let detail = (context.underlyingError as NSError?)?
        .userInfo[NSDebugDescriptionErrorKey] as? String
      let problem = detail ?? context.debugDescription
      let position = linePosition(in: problem)
      throw .syntax(path: sourceName, line: position?.line, column: position?.column, problem: problem)
    } catch {
      throw .syntax(path: sourceName, line: nil, column: nil, problem: String(describing: error))
    }
  }

  /// Finds "line N, column M" in Foundation's JSON error text.
  private static func linePosition(in message: String) -> (line: Int, column: Int)? {
    guard let lineRange = message.range(of: "line ") else { return nil }
    let afterLine = message[lineRange.upperBound...]
    let line = Int(afterLine.prefix { $0.isNumber })
    let column = afterLine.range(of: "column ").flatMap {
      Int(afterLine[$0.upperBound...].prefix { $0.isNumber })
    }
    guard let line, let column else { return nil }
    return (line, column)
  }

  private static func parseYAML(
    _ text: String, sourceName: String
  ) throws(ConfigurationError) -> ConfigurationValue {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw syntaxError(error, sourceName: sourceName)
    } catch {
      throw .syntax(path: sourceName, line: nil, column: nil, problem: String(describing: error))
    }
    guard let root else { return .mapping([]) }
    return try value(of: root, sourceName: sourceName)
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

  private static func value(
    of node: Node, sourceName: String
  ) throws(ConfigurationError) -> ConfigurationValue {
    switch node {
    case .scalar(let scalar):
      return scalar.style == .plain ? ConfigurationValue(plainScalar: scalar.string) : .string(scalar.string)
    case .sequence(let sequence):
      var values: [ConfigurationValue] = []
      for element in sequence { values.append(try value(of: element, sourceName: sourceName)) }
      return .list(values)
    case .mapping(let mapping):
      var entries: [ConfigurationEntry] = []
      for (key, element) in mapping {
        guard case .scalar(let keyScalar) = key else {
          throw .syntax(
            path: sourceName, line: key.mark?.line, column: key.mark?.column,
            problem: "mapping keys must be plain names")
        }
        entries.append(
          ConfigurationEntry(
            key: keyScalar.string, value: try value(of: element, sourceName: sourceName)))
      }
      return .mapping(entries)
    case .alias:
      throw .syntax(
        path: sourceName, line: node.mark?.line, column: node.mark?.column,
        problem: "aliases are not supported")
    }
  }
}
