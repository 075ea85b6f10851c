import MultiTaskText

/// Calls `body` with every line of `files` in order, or of standard input when there are no
/// files, for the commands that read one document per line.
///
/// A file that cannot be opened stops the command with its path and the reason. `body`
/// receives the reader too, so errors can name `path:line`.
func forEachInputLine(
  of files: [String], _ body: (UnsafeRawBufferPointer, LineReader) throws -> Void
) throws {
  let readers: [() throws -> LineReader] =
    files.isEmpty
    ? [{ LineReader(standardInputChunkSize: 1 << 16) }]
    : files.map { path in { try LineReader(path: path) } }
  for open in readers {
    let reader: LineReader
    reader = try open()
    while try reader.nextLine({ line in try body(line, reader) }) {}
  }
}
