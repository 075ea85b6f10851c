/// The largest configuration a file may describe, so a few hundred hostile bytes cannot take
/// gigabytes of memory before any key is checked.
///
/// A real configuration is a few kilobytes with a few hundred values; these bounds are three
/// orders of magnitude above that and far below what would strain a machine.
public enum ConfigurationLimits {
  /// The most bytes a configuration file may hold (1 MiB). `/dev/zero` or a mistaken corpus
  /// path stops here instead of being read whole.
  public static let maximumFileBytes = 1 << 20
  /// The most values (scalars, lists and mappings) a parsed document may contain. YAML
  /// aliases are refused outright; this bounds any other way of building a huge tree.
  public static let maximumValues = 100_000
}
