import ArgumentParser

/// An error for the user: its message is printed as `Error: …` and the command exits with 1.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a line to standard error, for warnings and progress that must not mix with output.
func writeToStandardError(_ line: String, newline: Bool = true) {
  var text = line
  if newline { text.append("\n") }
  text.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
}
