/// The settings of one `mtl serve` process, as the command line gives them.
///
/// The defaults: loopback only, 1,024 texts and 8 MiB per request, 32 requests waiting,
/// ten seconds to drain, ten seconds for a client to send its body.
public struct ServerConfiguration: Sendable, Equatable {
  /// The model file, read at start and again on every reload.
  public var modelPath: String
  /// The address to bind; loopback unless the operator chooses otherwise.
  public var host: String
  /// The TCP port; 0 asks the system for a free one (tests use this).
  public var port: Int
  /// Predictors, each with its own scratch buffers: the most requests predicting at once.
  public var workers: Int
  /// Requests that may wait for a predictor beyond those running; one more is answered
  /// 503 with `Retry-After`.
  public var queueDepth: Int
  /// The most texts one request may carry.
  public var maximumBatch: Int
  /// The largest request body accepted, in bytes.
  public var maximumBodyBytes: Int
  /// The bearer key every route but the probes requires; nil for none.
  public var apiKey: String?
  /// How long in-flight requests may take to finish once shutdown starts, in seconds.
  public var drainSeconds: Double
  /// How long a client may take to send its whole body, in seconds; a client that
  /// trickles its body longer is answered 408.
  public var bodyTimeoutSeconds: Double

  /// Creates a configuration.
  ///
  /// - Parameters:
  ///   - modelPath: The model file.
  ///   - host: The bind address.
  ///   - port: The port, 0 for any free one.
  ///   - workers: Concurrent predictors, at least 1.
  ///   - queueDepth: Requests waiting for a predictor, at least 0.
  ///   - maximumBatch: Texts per request.
  ///   - maximumBodyBytes: Bytes per request body.
  ///   - apiKey: The bearer key, if any.
  ///   - drainSeconds: The graceful shutdown bound.
  ///   - bodyTimeoutSeconds: The bound on receiving one body.
  public init(
    modelPath: String, host: String = "127.0.0.1", port: Int = 8080, workers: Int = 1,
    queueDepth: Int = 32, maximumBatch: Int = 1024, maximumBodyBytes: Int = 8 * 1024 * 1024,
    apiKey: String? = nil,
    drainSeconds: Double = 10, bodyTimeoutSeconds: Double = 10
  ) {
    self.modelPath = modelPath
    self.host = host
    self.port = port
    self.workers = max(1, workers)
    self.queueDepth = max(0, queueDepth)
    self.maximumBatch = maximumBatch
    self.maximumBodyBytes = maximumBodyBytes
    self.apiKey = apiKey
    self.drainSeconds = drainSeconds
    self.bodyTimeoutSeconds = bodyTimeoutSeconds
  }

  /// Whether the bind address is reachable only from this machine.
  public var isLoopback: Bool {
    host == "127.0.0.1" || host == "::1" || host == "localhost"
  }
}
