/// Every setting of one configuration section, in the order the reference lists them and
/// "valid keys are" messages name them; the allowed keys, the "did you mean" suggestions,
/// the decoding and the reference all come from it.
struct ConfigurationTable<Section: Sendable>: Sendable {
  /// A whole-section check run after every setting is applied, for rules that involve several
  /// settings, such as `features.minn` not exceeding `features.maxn`.
  typealias Check = @Sendable (ConfigurationObject, Section) throws(ConfigurationError) -> Void

  /// A paragraph introducing the section in the reference.
  let summary: String
  /// The section's value when the file sets nothing: decoding starts from it, and the
  /// reference shows its values as the defaults.
  let defaults: Section
  /// The section's own settings.
  let settings: [ConfigurationSetting<Section>]
  /// Keys also allowed here but applied elsewhere: a task entry's corpus settings, which each
  /// of its files reads before its own.
  let sharedKeys: [String]
  /// The whole-section check, if any.
  let check: Check?

  /// Creates a table.
  ///
  /// - Parameters:
  ///   - summary: A paragraph introducing the section.
  ///   - defaults: The section's value when the file sets nothing.
  ///   - settings: The section's settings, in listing order.
  ///   - sharedKeys: Keys allowed here but applied by another table.
  ///   - check: A check of the whole section after its settings are applied.
  init(
    summary: String, defaults: Section, settings: [ConfigurationSetting<Section>],
    sharedKeys: [String] = [], check: Check? = nil
  ) {
    self.summary = summary
    self.defaults = defaults
    self.settings = settings
    self.sharedKeys = sharedKeys
    self.check = check
  }

  /// The keys the section allows, in the order errors list them.
  var keys: [String] { settings.map(\.key) + sharedKeys }

  /// The section as the reference shows it.
  var reference: ConfigurationSectionReference {
    ConfigurationSectionReference(
      summary: summary, settings: settings.map { $0.reference(defaults: defaults) })
  }

  /// Checks `object`'s keys, applies every setting it holds to `start` (the ``defaults``
  /// when `nil`), and runs the whole-section check.
  ///
  /// - Parameters:
  ///   - object: The section's mapping.
  ///   - start: The value to apply the settings to, for sections whose defaults depend on the
  ///     file, such as `output.directory`.
  ///   - firstKeys: Settings applied before the others, for a setting others depend on;
  ///     the rest follow in table order.
  /// - Returns: The decoded section.
  /// - Throws: ``ConfigurationError`` for the first unknown key or bad value.
  func decode(
    _ object: ConfigurationObject, startingFrom start: Section? = nil,
    applyingFirst firstKeys: [String] = []
  ) throws(ConfigurationError) -> Section {
    try object.checkKeys(keys)
    var section = start ?? defaults
    let first = settings.filter { firstKeys.contains($0.key) }
    let rest = settings.filter { !firstKeys.contains($0.key) }
    try ConfigurationSetting.apply(first + rest, from: object, to: &section)
    try check?(object, section)
    return section
  }
}

extension ConfigurationSetting {
  /// Applies each of `settings` that `object` holds to `section`, in order, without checking
  /// keys; for settings read from two mappings in turn, such as a task's corpus settings and
  /// then its file's.
  static func apply(
    _ settings: [Self], from object: ConfigurationObject, to section: inout Section
  ) throws(ConfigurationError) {
    for setting in settings {
      try setting.apply(object, setting.key, &section)
    }
  }
}
