/// A configuration section as the reference shows it: its introduction and its settings,
/// without the closures that decode them, so sections of different types render alike.
struct ConfigurationSectionReference: Sendable {
  /// A paragraph shown under the section's heading.
  let summary: String
  /// The section's settings, in the order the file's keys are listed.
  let settings: [ConfigurationSettingReference]
}

/// One setting as the reference shows it: one row of its section's table.
struct ConfigurationSettingReference: Sendable {
  /// The key as written in the file, without the section's path.
  let key: String
  /// The kind of value, as users read it: "integer ≥ 1", "one of `fixed`, `dynamic`".
  let type: String
  /// The default, as users read it: "`5`", or a sentence when it depends on other keys.
  let defaultValue: String
  /// What the setting does, in one line.
  let summary: String
  /// The section this setting holds, which the reference shows after the current one.
  let subsection: ConfigurationSectionReference?
  /// Whether the setting holds a list of `subsection` mappings (`tasks[]`) rather than one.
  let isList: Bool
}
