import Foundation

/// The reference of every configuration setting, rendered from the same tables the decoder
/// uses, so the documentation cannot drift from what a configuration file accepts.
public enum ConfigurationReference {
  /// Every setting as Markdown: one `| key | type | default | what it does |` table per
  /// section, with full key paths (`training.epochs`, `tasks[].weight`), sections in file
  /// order and each nested section after the one that holds it.
  ///
  /// The text starts at a level-2 heading, so a document can put its own title and
  /// introduction above it.
  ///
  /// - Returns: The reference, ending with a newline.
  public static func markdown() -> String {
    var lines = [
      "Keys are shown with their full path; `tasks[]` stands for each entry of the `tasks`"
        + " list. Only `tasks`, and each task's `name` and `train`, are required; every other"
        + " key may be left out to take its default. Relative paths resolve against the"
        + " configuration file's folder, and an unknown key is an error that suggests the"
        + " nearest valid one."
    ]
    render(RunConfiguration.configurationTable.reference, path: "", into: &lines)
    return lines.joined(separator: "\n") + "\n"
  }

  /// Appends the section at `path` (empty for the top level), then its nested sections.
  private static func render(
    _ section: ConfigurationSectionReference, path: String, into lines: inout [String]
  ) {
    let prefix = path.isEmpty ? "" : path + "."
    lines += [
      "", path.isEmpty ? "## Top level" : "## `\(path)`", "", section.summary, "",
      "| key | type | default | what it does |", "|---|---|---|---|",
    ]
    for setting in section.settings {
      let cells = [
        code(prefix + setting.key), setting.type, setting.defaultValue, setting.summary,
      ]
      lines.append("| " + cells.map(escaped).joined(separator: " | ") + " |")
    }
    for setting in section.settings {
      guard let subsection = setting.subsection else { continue }
      render(
        subsection, path: prefix + setting.key + (setting.isList ? "[]" : ""), into: &lines)
    }
  }

  /// `text` with `|` escaped, so it stays inside its table cell.
  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}

extension ConfigurationReference {
  /// The default shown for settings that are sections, whose defaults are their own rows.
  static let seeBelow = "see below"

  /// The kind shown for booleans.
  static let booleanKind = "`true` or `false`"

  /// `text` as inline code.
  static func code(_ text: String) -> String {
    text.isEmpty ? "`\"\"`" : "`\(text)`"
  }

  /// An integer as inline code.
  static func code(_ value: Int) -> String { code(String(value)) }

  /// A boolean as inline code.
  static func code(_ value: Bool) -> String { code(String(value)) }

  /// A number as inline code, whole numbers without a fraction (`1`, not `1.0`).
  static func code(_ value: Double) -> String {
    let isWhole = value.rounded() == value && abs(value) < 0x1p53
    return code(isWhole ? String(Int(value)) : String(value))
  }

  /// A kind of value followed by its rule: "integer ≥ 1", or "integer" for no rule.
  static func kind<Value>(_ name: String, _ rule: ConfigurationRule<Value>) -> String {
    rule.shown.isEmpty ? name : "\(name) \(rule.shown)"
  }

  /// The kind shown for a choice among `names`: "one of `a`, `b`, `c`".
  static func choices(_ names: [String]) -> String {
    "one of " + names.map { code($0) }.joined(separator: ", ")
  }
}
