import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the real `mtl` executable built beside the test bundle, the way a user would.
struct CommandRunner {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  static func executable() throws -> URL {
    var candidates: [URL] = []
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    candidates.append(testBinary.deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for directory in candidates {
      var current = directory
      for _ in 0..<4 {
        let candidate = current.appendingPathComponent("mtl")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        current = current.deletingLastPathComponent()
      }
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "mtl beside \(candidates)"])
  }

  /// Runs `mtl` with `arguments`; with `memoryLimitKiB`, under `ulimit -v`, so a command
  /// that would grow memory without bound fails instead of taking the machine's memory.
  static func run(
    _ arguments: [String], input: Data? = nil, memoryLimitKiB: Int? = nil
  ) throws -> Result {
    let process = Process()
    if let memoryLimitKiB {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments =
        ["-c", "ulimit -v \(memoryLimitKiB) && exec \"$0\" \"$@\"", try executable().path]
        + arguments
    } else {
      process.executableURL = try executable()
      process.arguments = arguments
    }
    let output = Pipe()
    let error = Pipe()
    let standardInput = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = standardInput
    // A command may exit before reading all its input (a model it refuses); writing the rest
    // must then fail with EPIPE, not kill the test process with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    // Feed input and drain output concurrently so large runs cannot deadlock on full pipes.
    let writer = Thread {
      if let input { standardInput.fileHandleForWriting.write(input) }
      try? standardInput.fileHandleForWriting.close()
    }
    writer.start()
    let errorData = LockedData()
    let errorReader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
    errorReader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return Result(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData.value, as: UTF8.self))
  }
}

final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
  var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
  var value: Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
}
