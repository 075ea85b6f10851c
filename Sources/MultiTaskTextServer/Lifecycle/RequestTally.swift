import Synchronization

/// Requests between their head arriving and their log line, and how those that ended
/// during a shutdown ended, for the drain's closing log line.
final class RequestTally: Sendable {
  private struct Counts {
    var inFlight = 0
    var answered = 0
    var abandoned = 0
  }

  private let counts = Mutex(Counts())

  /// Requests being handled now.
  var inFlight: Int { counts.withLock { $0.inFlight } }

  /// Counts a request's start.
  func start() { counts.withLock { $0.inFlight += 1 } }

  /// Counts a request's end, and whether the drain deadline cut it short.
  func finish(cutByShutdown: Bool) {
    counts.withLock { counts in
      counts.inFlight -= 1
      if cutByShutdown { counts.abandoned += 1 } else { counts.answered += 1 }
    }
  }

  /// Answered and abandoned counts since the last call, which resets them.
  func takeEnded() -> (answered: Int, abandoned: Int) {
    counts.withLock { counts in
      defer {
        counts.answered = 0
        counts.abandoned = 0
      }
      return (counts.answered, counts.abandoned)
    }
  }
}
