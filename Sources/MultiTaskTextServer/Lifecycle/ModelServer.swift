import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `mtl serve`: the served model, its HTTP application and the services around it.
///
/// The model is read before the port opens, so a server that answers is ready. Signals
/// are optional so tests can run servers in-process and stop them by cancelling.
public struct ModelServer: Sendable {
  /// The settings it was started with.
  public let configuration: ServerConfiguration
  let slot: ModelSlot
  let metrics = ServerMetrics()
  let tally = RequestTally()
  let logger: Logger

  /// Reads the model and prepares one predictor per worker.
  ///
  /// - Parameters:
  ///   - configuration: The settings.
  ///   - logger: Receives the request lines and reload events.
  /// - Throws: ``ServerError/modelUnavailable(_:)`` when the model cannot be read.
  public init(configuration: ServerConfiguration, logger: Logger) throws(ServerError) {
    self.configuration = configuration
    self.logger = logger
    let loaded = try LoadedModel.read(
      path: configuration.modelPath, workers: configuration.workers)
    slot = ModelSlot(loaded, workers: configuration.workers)
    metrics.recordModel(checksum: loaded.checksumText, previous: nil)
  }

  /// A few lines for the terminal: the model's tasks, labels and checksum.
  public var summary: String {
    let loaded = slot.model
    let tasks = loaded.model.manifest.tasks.map { task in
      "  \(task.name) (\(task.isMultiLabel ? "multi-label" : "single-label"), "
        + "\(task.labels.count) labels)"
    }
    return
      ([
        "model \(loaded.path), checksum \(loaded.checksumText), "
          + "\(configuration.workers) workers, \(configuration.queueDepth) waiting"
      ] + tasks).joined(separator: "\n")
  }

  func endpoints(queue: PredictionQueue) -> Endpoints {
    Endpoints(
      slot: slot, metrics: metrics, logger: logger, maximumBatch: configuration.maximumBatch,
      bodyReader: BodyReader(
        maximumBytes: configuration.maximumBodyBytes,
        timeout: Self.duration(seconds: configuration.bodyTimeoutSeconds, least: 0.001)),
      queue: queue)
  }

  /// `seconds` as a duration, kept within `least` and a day, so a value the command line
  /// would refuse (NaN, infinity, a negative number) cannot trap here.
  static func duration(seconds: Double, least: Double) -> Duration {
    let bounded = seconds.isNaN ? least : min(max(seconds, least), 86_400)
    return .milliseconds(Int64((bounded * 1000).rounded()))
  }

  /// Serves until cancelled, or until a shutdown signal has drained in-flight requests.
  ///
  /// - Parameters:
  ///   - handlesSignals: Whether SIGTERM and SIGINT shut down gracefully and SIGHUP
  ///     reloads; the CLI sets it, in-process tests do not.
  ///   - onRunning: Called once with the bound port, when requests can be answered.
  /// - Throws: Errors binding the port or running the server.
  public func run(
    handlesSignals: Bool, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) async throws {
    let queue = PredictionQueue(
      workers: configuration.workers, waiting: configuration.queueDepth)
    queue.start()
    defer { queue.stop() }
    let endpoints = endpoints(queue: queue)
    let responder = ServerResponder(
      endpoints: endpoints, apiKey: configuration.apiKey.map(APIKey.init), metrics: metrics,
      logger: logger, tally: tally)
    var frameworkLogger = logger
    frameworkLogger.logLevel = .warning
    let application = Application(
      responder: responder,
      server: .http1(
        configuration: .init(
          additionalChannelHandlers: [ConnectionGuard()], idleTimeout: .seconds(60))),
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port)),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
      logger: frameworkLogger)
    let drain = DrainReporter(
      tally: tally, logger: logger, drainSeconds: configuration.drainSeconds)
    // Shutdown runs from the last service to the first: the reporter logs the drain's
    // start, then the application stops taking connections and drains.
    var services: [any Service] = [application, drain]
    if handlesSignals { services.append(HangUpReloader(endpoints: endpoints)) }
    var group = ServiceGroupConfiguration(services: services, logger: frameworkLogger)
    if handlesSignals { group.gracefulShutdownSignals = [.sigterm, .sigint] }
    group.maximumGracefulShutdownDuration = Self.duration(
      seconds: configuration.drainSeconds, least: 0)
    try await ServiceGroup(configuration: group).run()
    drain.reportEnd()
  }
}

/// Reloads the model on every SIGHUP until shutdown.
struct HangUpReloader: Service {
  let endpoints: Endpoints

  func run() async throws {
    let signals = await UnixSignalsSequence(trapping: .sighup)
    for await _ in signals.cancelOnGracefulShutdown() {
      _ = await endpoints.reload(reason: "SIGHUP")
    }
  }
}
