#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM: what happens depends on what the command is doing when they arrive.
///
/// - Reading corpora, evaluating and rendering reports (``Phase/exitAtOnce``): nothing is
///   being written, so the process says so and exits with status 130 straight from the
///   handler. Evaluation is deliberately not given a `shouldStop` check: it writes nothing
///   until it returns, so exiting at once is already correct, ends within milliseconds
///   however large the test file, and keeps signal handling out of the library.
/// - Training (``Phase/stopAtNextCheck``): the first signal asks the trainer to stop at its
///   next check (every 256 documents, well within a second); no partial model is written. A
///   second signal exits at once.
/// - Writing files (``Phase/finishWriting``): the signal is remembered and the write, which
///   goes through a temporary file and a rename, finishes first, so no temporary file stays
///   and the destination holds either the old or the new file. A second signal exits at
///   once, so a write that blocks (a FIFO whose reader stalled) can always be ended; files
///   written in place go before any rename, so that leaves the previous files.
///
/// A signal handler can only touch plain global memory, so these flags are the one piece of
/// global state in the program, and they live in the CLI.
enum Interruption {
  /// What a signal does right now.
  enum Phase: sig_atomic_t {
    case exitAtOnce = 0
    case stopAtNextCheck = 1
    case finishWriting = 2
  }

  /// The exit status of an interrupted run, as shells report Ctrl-C (128 + SIGINT).
  static let exitStatus: Int32 = 130

  nonisolated(unsafe) private static var requested: sig_atomic_t = 0
  nonisolated(unsafe) private static var currentPhase: sig_atomic_t = 0
  nonisolated(unsafe) private static var exitMessage: StaticString =
    "Error: interrupted; no model was written\n"

  /// Installs the handlers for SIGINT and SIGTERM, starting in `phase`.
  ///
  /// - Parameter message: What an immediate exit prints, one line ending in a newline.
  static func install(
    phase: Phase = .exitAtOnce,
    message: StaticString = "Error: interrupted; no model was written\n"
  ) {
    exitMessage = message
    currentPhase = phase.rawValue
    // A parent may start us with these signals blocked (Foundation's Process does); unblock
    // them so Ctrl-C and `kill` reach the handlers.
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    signal(SIGINT) { _ in Interruption.handle() }
    signal(SIGTERM) { _ in Interruption.handle() }
  }

  /// Switches what a signal does from now on, and what an immediate exit prints.
  static func enter(_ phase: Phase, message: StaticString? = nil) {
    if let message { exitMessage = message }
    currentPhase = phase.rawValue
  }

  /// Whether a signal arrived that has not yet ended the run.
  static var wasRequested: Bool { requested != 0 }

  /// Runs `body` with signals deferred, then stops the command if one arrived meanwhile.
  ///
  /// - Throws: What `body` throws, or ``CommandFailure`` with status 130 when interrupted.
  static func whileWriting<Result>(_ body: () throws -> Result) throws -> Result {
    let previous = currentPhase
    currentPhase = Phase.finishWriting.rawValue
    defer { currentPhase = previous }
    let result = try body()
    if wasRequested {
      throw CommandFailure(
        "interrupted after the files were written completely", exitCode: exitStatus)
    }
    return result
  }

  /// Runs in the signal handler: only async-signal-safe calls (`write`, `_exit`).
  private static func handle() {
    let phase = currentPhase
    if phase == Phase.exitAtOnce.rawValue || requested != 0 {
      let message = exitMessage
      _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
      _exit(exitStatus)
    }
    requested = 1
  }
}
