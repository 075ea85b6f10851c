import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// An `mtl` process the test talks to while it runs: it can wait for a line on standard error,
/// send a signal, and time how long the process takes to exit.
final class RunningCommand {
  let process = Process()
  private let errorPipe = Pipe()
  private let errorText = LockedText()

  init(_ arguments: [String]) throws {
    process.executableURL = try CommandRunner.executable()
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    process.standardError = errorPipe
    let handle = errorPipe.fileHandleForReading
    let text = errorText
    try process.run()
    Thread {
      while true {
        let data = handle.availableData
        if data.isEmpty { break }
        text.append(String(decoding: data, as: UTF8.self))
      }
    }.start()
  }

  /// Everything written to standard error so far.
  var standardError: String { errorText.value }

  /// Waits until standard error contains `text`; false on timeout or exit.
  func waitForStandardError(containing text: String, timeout: Double) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if standardError.contains(text) { return true }
      if !process.isRunning { return standardError.contains(text) }
      usleep(20_000)
    }
    return false
  }

  /// Waits up to `timeout` seconds for the process to end; returns the seconds it took, or nil.
  func waitForExit(timeout: Double) -> Double? {
    let start = Date()
    while Date().timeIntervalSince(start) < timeout {
      if !process.isRunning {
        process.waitUntilExit()
        // Let the reader thread drain what the process wrote last.
        usleep(100_000)
        return Date().timeIntervalSince(start)
      }
      usleep(5_000)
    }
    return nil
  }

  func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }
}

/// Runs `mtl` with standard output on a pipe whose read end the test closes after the first
/// line, the way `mtl predict … | head -1` does.
func runClosingOutputAfterFirstLine(_ arguments: [String]) throws -> CommandRunner.Result {
  let process = Process()
  process.executableURL = try CommandRunner.executable()
  process.arguments = arguments
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let errorData = LockedData()
  Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }.start()
  var firstLine = Data()
  let reader = output.fileHandleForReading
  while !firstLine.contains(UInt8(ascii: "\n")) {
    let chunk = reader.availableData
    if chunk.isEmpty { break }
    firstLine.append(chunk)
  }
  try reader.close()
  process.waitUntilExit()
  while !errorData.isSet { usleep(1000) }
  let line = firstLine.split(separator: UInt8(ascii: "\n")).first ?? Data()
  return CommandRunner.Result(
    status: process.terminationReason == .uncaughtSignal
      ? -process.terminationStatus
      : process.terminationStatus,
    standardOutput: String(decoding: line, as: UTF8.self),
    standardError: String(decoding: errorData.value, as: UTF8.self))
}

/// Checks that a run failed the way the catalogue asks: an exit status from 1 to 125 (not a
/// signal or a trap), exactly one line on standard error, and no stack trace.
func expectCleanFailure(
  _ result: CommandRunner.Result, mentioning parts: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    (1...125).contains(result.status), "status \(result.status)", sourceLocation: sourceLocation)
  let lines = result.standardError.split(separator: "\n")
  #expect(lines.count == 1, "\(result.standardError)", sourceLocation: sourceLocation)
  #expect(
    result.standardError.hasPrefix("Error: "), "\(result.standardError)",
    sourceLocation: sourceLocation)
  for marker in ["Stack dump", "Fatal error", "Current stack trace", "Crash", "0x0000"] {
    #expect(!result.standardError.contains(marker), sourceLocation: sourceLocation)
  }
  for part in parts {
    #expect(
      result.standardError.contains(part), "missing \(part) in \(result.standardError)",
      sourceLocation: sourceLocation)
  }
}

final class LockedText: @unchecked Sendable {
  private let lock = NSLock()
  private var text = ""
  func append(_ more: String) { lock.lock(); text += more; lock.unlock() }
  var value: String { lock.lock(); defer { lock.unlock() }; return text }
}
