import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Whether to colour what goes to a descriptor: only on a terminal, and never when the
/// user set `NO_COLOR` (https://no-color.org: any value but the empty string), whose point
/// is that one variable turns colour off in every tool.
enum TerminalColors {
  /// True when `descriptor` is a terminal and `NO_COLOR` is unset or empty.
  static func enabled(for descriptor: Int32) -> Bool {
    guard isatty(descriptor) != 0 else { return false }
    return ProcessInfo.processInfo.environment["NO_COLOR", default: ""].isEmpty
  }
}
