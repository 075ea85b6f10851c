/// One setting of a configuration section, described once: the reference shows its key,
/// type, default and summary, the key check allows its key and suggests it for typos, and the
/// decoder reads, validates and applies its value with ``apply``.
///
/// Adding a setting means adding one of these to its section's ``ConfigurationTable``, plus
/// the field it sets in the core library's settings type.
struct ConfigurationSetting<Section>: Sendable {
  /// Reads the value under `key` in `object`, when present, checks it and stores it in
  /// `section`; an absent key leaves `section` as it is, so its default stands, unless the
  /// setting is required.
  typealias Apply =
    @Sendable (
      _ object: ConfigurationObject, _ key: String, _ section: inout Section
    ) throws(ConfigurationError) -> Void

  /// The key as written in the file.
  let key: String
  /// The kind of value, as the reference shows it.
  let type: String
  /// The default as the reference shows it, given the section's defaults.
  let shownDefault: @Sendable (Section) -> String
  /// What the setting does, in one line.
  let summary: String
  /// The table of the mapping this setting holds, for settings that are sections.
  let subsection: ConfigurationSectionReference?
  /// Whether the setting holds a list of `subsection` mappings rather than one.
  let isList: Bool
  /// How the value is decoded and applied.
  let apply: Apply

  /// Creates a setting whose default the reference reads from the section's defaults.
  ///
  /// - Parameters:
  ///   - key: The key as written in the file.
  ///   - type: The kind of value, as users read it.
  ///   - shownDefault: Renders the default from the section's default value.
  ///   - summary: What the setting does, in one line.
  ///   - subsection: The table of the mapping the setting holds, if it is a section.
  ///   - isList: Whether it holds a list of such mappings.
  ///   - apply: How the value is decoded and applied.
  init(
    _ key: String, type: String, shownDefault: @escaping @Sendable (Section) -> String,
    summary: String, subsection: ConfigurationSectionReference? = nil, isList: Bool = false,
    apply: @escaping Apply
  ) {
    self.key = key
    self.type = type
    self.shownDefault = shownDefault
    self.summary = summary
    self.subsection = subsection
    self.isList = isList
    self.apply = apply
  }

  /// Creates a setting whose default is a fixed text, for defaults that depend on the rest of
  /// the file ("from the file extension") or that are no value at all ("required").
  ///
  /// - Parameters:
  ///   - key: The key as written in the file.
  ///   - type: The kind of value, as users read it.
  ///   - defaultText: The default as the reference shows it, in Markdown.
  ///   - summary: What the setting does, in one line.
  ///   - subsection: The table of the mapping the setting holds, if it is a section.
  ///   - isList: Whether it holds a list of such mappings.
  ///   - apply: How the value is decoded and applied.
  init(
    _ key: String, type: String, default defaultText: String, summary: String,
    subsection: ConfigurationSectionReference? = nil, isList: Bool = false,
    apply: @escaping Apply
  ) {
    self.init(
      key, type: type, shownDefault: { _ in defaultText }, summary: summary,
      subsection: subsection, isList: isList, apply: apply)
  }

  /// The row the reference shows, with the default read from `defaults`.
  func reference(defaults: Section) -> ConfigurationSettingReference {
    ConfigurationSettingReference(
      key: key, type: type, defaultValue: shownDefault(defaults), summary: summary,
      subsection: subsection, isList: isList)
  }
}
