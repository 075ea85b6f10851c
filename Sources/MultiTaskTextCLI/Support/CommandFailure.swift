import ArgumentParser

/// An error for the user: its message is printed as `Error: …` and the command exits with
/// `exitCode` (1 unless said otherwise; 130 for an interrupted run).
struct CommandFailure: Error, CustomStringConvertible {
  let description: String
  let exitCode: Int32
  init(_ description: String, exitCode: Int32 = 1) {
    self.description = description
    self.exitCode = exitCode
  }
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
