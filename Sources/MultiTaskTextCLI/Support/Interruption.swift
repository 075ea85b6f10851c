#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM during training: the first asks the trainer to stop at its next check
/// (within a fraction of a second), and no partial model is written.
///
/// A signal handler can only touch plain global memory, so this flag is the one piece of
/// global state in the program, and it lives in the CLI.
enum Interruption {
  nonisolated(unsafe) private static var requested: sig_atomic_t = 0

  static func install() {
    signal(SIGINT) { _ in Interruption.requested = 1 }
    signal(SIGTERM) { _ in Interruption.requested = 1 }
  }

  static var wasRequested: Bool { requested != 0 }
}
