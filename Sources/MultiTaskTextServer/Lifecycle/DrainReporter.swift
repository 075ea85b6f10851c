import Logging
import ServiceLifecycle
import Synchronization

/// Logs what a graceful shutdown really did: how many requests were in flight when it
/// began, and, when the server stops, how many were answered and how many the drain
/// deadline cut short.
final class DrainReporter: Service, Sendable {
  private let tally: RequestTally
  private let logger: Logger
  private let drainSeconds: Double
  private let began = Mutex<ContinuousClock.Instant?>(nil)

  init(tally: RequestTally, logger: Logger, drainSeconds: Double) {
    self.tally = tally
    self.logger = logger
    self.drainSeconds = drainSeconds
  }

  /// Waits for the shutdown signal, then logs the drain's start.
  func run() async throws {
    // Throws only on cancellation, when there is no drain to report.
    do { try await gracefulShutdown() } catch { return }
    began.withLock { $0 = .now }
    _ = tally.takeEnded()
    logger.notice(
      "shutting down: draining requests in flight",
      metadata: ["in_flight": "\(tally.inFlight)", "drain_seconds": "\(drainSeconds)"])
  }

  /// Logs how the drain ended; nothing when the server stopped without one.
  func reportEnd() {
    guard let began = began.withLock({ $0 }) else { return }
    let ended = tally.takeEnded()
    let seconds = (ContinuousClock.now - began).seconds
    let unfinished = tally.inFlight
    let metadata: Logger.Metadata = [
      "answered": "\(ended.answered)", "cut_at_deadline": "\(ended.abandoned)",
      "unanswered": "\(unfinished)", "seconds": "\((seconds * 1000).rounded() / 1000)",
    ]
    if ended.abandoned == 0 && unfinished == 0 {
      logger.notice("stopped: every request in flight was answered", metadata: metadata)
    } else {
      logger.warning(
        "stopped: the drain deadline passed before every request was answered",
        metadata: metadata)
    }
  }
}
