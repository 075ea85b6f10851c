/// Settings that store one plain value in one field of their section: the key path says where,
/// the reader says what kind of value, and the rule what range, so the reference's type and
/// default come from the same declaration as the decoding.
extension ConfigurationSetting {
  /// The default shown for `field`: its value in the section's defaults, unless `text` says
  /// otherwise.
  private static func shown<Value>(
    _ field: KeyPath<Section, Value> & Sendable, _ text: String?,
    _ render: @escaping @Sendable (Value) -> String
  ) -> @Sendable (Section) -> String {
    if let text { return { _ in text } }
    return { render($0[keyPath: field]) }
  }

  /// An integer stored in `field`.
  ///
  /// - Parameters:
  ///   - key: The key as written in the file.
  ///   - field: Where the value goes.
  ///   - rule: The range the value must be in.
  ///   - defaultText: The default as shown, when the field's default value does not say it.
  ///   - summary: What the setting does.
  static func integer(
    _ key: String, _ field: WritableKeyPath<Section, Int> & Sendable,
    _ rule: ConfigurationRule<Int> = .any, default defaultText: String? = nil, summary: String
  ) -> Self {
    Self(
      key, type: ConfigurationReference.kind("integer", rule),
      shownDefault: shown(field, defaultText) { ConfigurationReference.code($0) },
      summary: summary
    ) { object, key, section throws(ConfigurationError) in
      if let value = try object.integer(key, rule) { section[keyPath: field] = value }
    }
  }

  /// An integer stored in an optional `field`, whose default (`nil`) `defaultText` describes.
  static func integer(
    _ key: String, _ field: WritableKeyPath<Section, Int?> & Sendable,
    _ rule: ConfigurationRule<Int> = .any, default defaultText: String, summary: String
  ) -> Self {
    Self(
      key, type: ConfigurationReference.kind("integer", rule), default: defaultText,
      summary: summary
    ) { object, key, section throws(ConfigurationError) in
      if let value = try object.integer(key, rule) { section[keyPath: field] = value }
    }
  }

  /// A number stored in `field`; integers are accepted as numbers.
  static func number(
    _ key: String, _ field: WritableKeyPath<Section, Double> & Sendable,
    _ rule: ConfigurationRule<Double> = .any, default defaultText: String? = nil,
    summary: String
  ) -> Self {
    Self(
      key, type: ConfigurationReference.kind("number", rule),
      shownDefault: shown(field, defaultText) { ConfigurationReference.code($0) },
      summary: summary
    ) { object, key, section throws(ConfigurationError) in
      if let value = try object.number(key, rule) { section[keyPath: field] = value }
    }
  }

  /// A boolean stored in `field`.
  static func bool(
    _ key: String, _ field: WritableKeyPath<Section, Bool> & Sendable,
    default defaultText: String? = nil, summary: String
  ) -> Self {
    Self(
      key, type: ConfigurationReference.booleanKind,
      shownDefault: shown(field, defaultText) { ConfigurationReference.code($0) },
      summary: summary
    ) { object, key, section throws(ConfigurationError) in
      if let value = try object.bool(key) { section[keyPath: field] = value }
    }
  }

  /// A boolean stored in an optional `field`, whose default (`nil`) `defaultText` describes.
  static func bool(
    _ key: String, _ field: WritableKeyPath<Section, Bool?> & Sendable,
    default defaultText: String, summary: String
  ) -> Self {
    Self(
      key, type: ConfigurationReference.booleanKind, default: defaultText, summary: summary
    ) { object, key, section throws(ConfigurationError) in
      if let value = try object.bool(key) { section[keyPath: field] = value }
    }
  }

  /// A string stored in `field`.
  static func string(
    _ key: String, _ field: WritableKeyPath<Section, String> & Sendable,
    default defaultText: String? = nil, summary: String
  ) -> Self {
    Self(
      key, type: "string",
      shownDefault: shown(field, defaultText) { ConfigurationReference.code($0) },
      summary: summary
    ) { object, key, section throws(ConfigurationError) in
      if let value = try object.string(key) { section[keyPath: field] = value }
    }
  }

  /// One of the cases of `Choice`, named by its raw value, stored in `field`.
  static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
    _ key: String, _ field: WritableKeyPath<Section, Choice> & Sendable,
    default defaultText: String? = nil, summary: String
  ) -> Self where Choice.RawValue == String {
    Self(
      key, type: ConfigurationReference.choices(Choice.allCases.map(\.rawValue)),
      shownDefault: shown(field, defaultText) { ConfigurationReference.code($0.rawValue) },
      summary: summary
    ) { object, key, section throws(ConfigurationError) in
      if let value = try object.choice(key, of: Choice.self) { section[keyPath: field] = value }
    }
  }

  /// A nested section decoded by its own table and stored in `field`.
  ///
  /// - Parameters:
  ///   - key: The key as written in the file.
  ///   - field: Where the decoded section goes.
  ///   - table: The nested section's table.
  ///   - start: The value decoding starts from, when it depends on the file rather than being
  ///     the table's defaults.
  ///   - summary: What the section is for.
  static func section<Child: Sendable>(
    _ key: String, _ field: WritableKeyPath<Section, Child> & Sendable,
    table: ConfigurationTable<Child>,
    startingFrom start: (@Sendable (ConfigurationObject) -> Child)? = nil, summary: String
  ) -> Self {
    Self(
      key, type: "mapping", default: ConfigurationReference.seeBelow, summary: summary,
      subsection: table.reference
    ) { object, key, section throws(ConfigurationError) in
      let child = try object.object(key)
      section[keyPath: field] = try table.decode(child, startingFrom: start?(child))
    }
  }
}
