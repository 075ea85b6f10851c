import MultiTaskText

extension ColumnReference {
  /// A column given on the command line (`--text-column`, `--label-column`, `--id-field`): a
  /// 0-based position when it is a number, else a header name.
  ///
  /// - Parameter argument: The option's value as typed.
  init(argument: String) {
    self = Int(argument).map { .index($0) } ?? .name(argument)
  }
}
