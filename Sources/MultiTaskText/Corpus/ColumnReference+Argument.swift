extension ColumnReference {
  /// A column given as text, as on the command line (`--text-column`, `--label-column`,
  /// `--id-field`) or through the C API: a 0-based position when it is a number, else a
  /// header name. One reading for every front end, so `2` means the same column everywhere.
  ///
  /// - Parameter argument: The value as typed.
  public init(argument: String) {
    self = Int(argument).map { .index($0) } ?? .name(argument)
  }
}
