import Foundation

/// Runs the real `mtl` on a pseudo-terminal of a given width, as a user at a terminal runs
/// it: `script` (util-linux) gives the process a terminal for standard output and standard
/// error, and `stty` sets its columns, so the command sees what it would see in a window.
struct PseudoTerminal {
  /// What the terminal received: standard output and standard error together, with the
  /// terminal's `\r\n` line ends.
  struct Result {
    var status: Int32
    var output: String

    /// The rows as the terminal shows them: each line split at `\r` too, since a carriage
    /// return starts the row again (the live line is redrawn that way).
    var rows: [String] {
      // "\r\n" is one Character in Swift, so split the scalars, not the characters.
      var rows: [String] = []
      var row = String.UnicodeScalarView()
      for scalar in output.unicodeScalars {
        if scalar == "\n" || scalar == "\r" {
          rows.append(String(row))
          row = String.UnicodeScalarView()
        } else {
          row.append(scalar)
        }
      }
      rows.append(String(row))
      return rows.filter { !$0.isEmpty }
    }
  }

  /// Whether `script` is installed; tests that need it say so and skip when it is not.
  static var isAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/script")
  }

  let columns: Int
  /// Extra environment variables, such as `NO_COLOR`.
  var environment: [String: String] = [:]
  /// The working directory; the test process's when nil.
  var directory: String?

  /// Runs `mtl arguments` on the terminal and waits for it to end.
  func run(_ arguments: [String]) throws -> Result {
    let executable = try CommandRunner.executable().path
    let command =
      "stty cols \(columns) rows 50; exec "
      + ([executable] + arguments).map(Self.quoted).joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    var variables = ProcessInfo.processInfo.environment
    variables["SHELL"] = "/bin/sh"
    variables["COLUMNS"] = String(columns)
    variables["TERM"] = "xterm"
    variables.removeValue(forKey: "NO_COLOR")
    for (key, value) in environment { variables[key] = value }
    process.environment = variables
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  /// `text` in single quotes for the shell.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
