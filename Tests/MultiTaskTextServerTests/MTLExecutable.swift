import Foundation

/// The real `mtl` built beside the test bundle, run as a user would.
enum MTLExecutable {
  static func url() throws -> URL {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    for start in [testBinary.deletingLastPathComponent(), Bundle.main.bundleURL] {
      var directory = start
      for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("mtl")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
      }
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "mtl beside the tests"])
  }

  /// Runs `mtl` with `arguments` and `input` on standard input; returns standard output.
  static func output(_ arguments: [String], input: String) throws -> String {
    let process = Process()
    process.executableURL = try url()
    process.arguments = arguments
    let inputPipe = Pipe()
    let outputPipe = Pipe()
    process.standardInput = inputPipe
    process.standardOutput = outputPipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    inputPipe.fileHandleForWriting.write(Data(input.utf8))
    try inputPipe.fileHandleForWriting.close()
    let data = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
