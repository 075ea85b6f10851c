import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The width of the terminal a descriptor writes to, so that live lines and reports fit it
/// instead of wrapping: a wrapped progress line leaves a stale half-line above every
/// "epoch done" line, because `\r` returns to the start of the last row only.
enum TerminalWidth {
  /// The width reports assume when the output is not a terminal: the project's line length.
  static let standard = 100

  /// The terminal's columns for `descriptor`, from the kernel (`TIOCGWINSZ`), else from
  /// `COLUMNS`; nil when `descriptor` is not a terminal.
  static func columns(of descriptor: Int32) -> Int? {
    guard isatty(descriptor) != 0 else { return nil }
    var size = winsize()
    if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text),
      value > 0
    {
      return value
    }
    return nil
  }

  /// The width to render for `descriptor`: the terminal's, or ``standard`` off a terminal.
  static func rendering(_ descriptor: Int32) -> Int { columns(of: descriptor) ?? standard }

  /// The width printed lines are folded to: the terminal's; off a terminal, `COLUMNS` when
  /// the user exported it; else nil, and lines stay whole, easier to search in a log.
  static func folding(_ descriptor: Int32) -> Int? {
    if let columns = columns(of: descriptor) { return columns }
    guard let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text),
      value > 0
    else { return nil }
    return value
  }
}
