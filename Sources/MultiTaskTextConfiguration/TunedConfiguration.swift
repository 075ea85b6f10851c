import Foundation

/// Writes the configuration `mtl tune` found: the original file with the best trial's
/// overrides applied, as YAML that `mtl pipeline` reads back to the same settings.
///
/// The original document is kept, comments aside, so every corpus setting and every key the
/// tuner does not touch stays as written. Paths become absolute, because the tuned file lives
/// in the output directory rather than beside the original.
public enum TunedConfiguration {
  /// The YAML text of the tuned configuration.
  ///
  /// - Parameters:
  ///   - path: The original configuration file.
  ///   - overrides: `key.path=value` settings to apply: the command line's, then the best
  ///     trial's.
  /// - Returns: The tuned configuration as YAML.
  /// - Throws: ``ConfigurationError`` when the original cannot be read or an override does
  ///   not apply.
  public static func yaml(
    originalPath path: String, overrides: [String]
  ) throws(ConfigurationError) -> String {
    let text = try RunConfiguration.readText(path: path)
    var document = try ConfigurationDocument.parse(
      text, format: ConfigurationFormat.detect(path: path, text: text), sourceName: path)
    for override in overrides {
      try ConfigurationOverride(override, sourceName: path).apply(to: &document, sourceName: path)
    }
    let absolute = RunConfiguration.resolve(path, against: FileManager.default.currentDirectoryPath)
    let folder = URL(fileURLWithPath: absolute).deletingLastPathComponent().path
    let run = try RunConfiguration(document: document, baseDirectory: folder, sourceName: path)
    document = absolutePaths(in: document, folder: folder, output: run.output)
    return
      "# Written by mtl tune from \(path); `mtl pipeline` on this file trains the best trial.\n"
      + YAMLWriter.text(of: document)
  }

  /// `document` with every file path absolute and the output directory stated.
  static func absolutePaths(
    in document: ConfigurationValue, folder: String, output: OutputConfiguration
  ) -> ConfigurationValue {
    guard case .mapping(var entries) = document else { return document }
    func absolute(_ value: ConfigurationValue) -> ConfigurationValue {
      switch value {
      case .string(let path): return .string(RunConfiguration.resolve(path, against: folder))
      case .mapping(var fields):
        for index in fields.indices where fields[index].key == "path" {
          fields[index].value = absolute(fields[index].value)
        }
        return .mapping(fields)
      default: return value
      }
    }
    func update(_ key: String, _ body: (inout [ConfigurationEntry]) -> Void) {
      let index = entries.firstIndex { $0.key == key }
      var fields = index.flatMap { entries[$0].value.entries } ?? []
      body(&fields)
      if let index {
        entries[index].value = .mapping(fields)
      } else {
        entries.append(ConfigurationEntry(key: key, value: .mapping(fields)))
      }
    }
    for index in entries.indices where entries[index].key == "tasks" {
      guard case .list(var tasks) = entries[index].value else { continue }
      for task in tasks.indices {
        guard case .mapping(var fields) = tasks[task] else { continue }
        for field in fields.indices where ["train", "dev", "test"].contains(fields[field].key) {
          fields[field].value = absolute(fields[field].value)
        }
        tasks[task] = .mapping(fields)
      }
      entries[index].value = .list(tasks)
    }
    for (section, key) in [("model", "pretrainedVectors"), ("training", "initialModel")] {
      update(section) { fields in
        for index in fields.indices where fields[index].key == key {
          fields[index].value = absolute(fields[index].value)
        }
      }
    }
    update("output") { fields in
      fields.removeAll { $0.key == "directory" || $0.key == "vocabularyCopy" }
      fields.append(ConfigurationEntry(key: "directory", value: .string(output.directory)))
      if let copy = output.vocabularyCopy {
        fields.append(ConfigurationEntry(key: "vocabularyCopy", value: .string(copy)))
      }
    }
    return .mapping(entries)
  }
}

/// Writes a ``ConfigurationValue`` tree as block-style YAML, every string double-quoted with
/// JSON's escapes (valid YAML), so no value can change its type when read back.
enum YAMLWriter {
  static func text(of value: ConfigurationValue) -> String {
    var lines: [String] = []
    write(value, indent: "", into: &lines)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func write(_ value: ConfigurationValue, indent: String, into lines: inout [String])
  {
    guard case .mapping(let entries) = value else {
      lines.append(indent + scalar(value))
      return
    }
    for entry in entries {
      let key = indent + quoted(entry.key) + ":"
      switch entry.value {
      case .mapping(let fields) where !fields.isEmpty:
        lines.append(key)
        write(entry.value, indent: indent + "  ", into: &lines)
      case .list(let items) where !items.isEmpty:
        lines.append(key)
        for item in items {
          if case .mapping(let fields) = item, !fields.isEmpty {
            var nested: [String] = []
            write(item, indent: indent + "    ", into: &nested)
            let first = nested[0].dropFirst(indent.count + 4)
            lines.append(indent + "  - " + first)
            lines += nested.dropFirst()
          } else {
            lines.append(indent + "  - " + scalar(item))
          }
        }
      default:
        lines.append(key + " " + scalar(entry.value))
      }
    }
  }

  private static func scalar(_ value: ConfigurationValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .integer(let value): return String(value)
    case .number(let value): return value.isFinite ? "\(value)" : (value > 0 ? ".inf" : ".nan")
    case .string(let value): return quoted(value)
    case .list(let items): return "[" + items.map(scalar).joined(separator: ", ") + "]"
    case .mapping(let entries):
      return "{" + entries.map { quoted($0.key) + ": " + scalar($0.value) }.joined(separator: ", ")
        + "}"
    }
  }

  /// A JSON string literal, which YAML reads as the same string.
  private static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          result += String(format: "\\u%04x", scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
