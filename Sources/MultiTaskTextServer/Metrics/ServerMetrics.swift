import Prometheus

/// The counters `/metrics` exposes, in Prometheus text format, held by one registry the
/// server owns (no global metrics system is bootstrapped).
final class ServerMetrics: Sendable {
  let registry = PrometheusCollectorRegistry()
  private let documents: Counter
  private let reloadFailed: Gauge
  private let queueRequests: Gauge
  private let queueCapacity: Gauge

  /// Latency buckets from 0.1 ms to 2.5 s: single texts take well under a millisecond.
  static let latencyBuckets: [Duration] = [
    .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
    .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
    .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(1000),
    .milliseconds(2500),
  ]

  init() {
    documents = registry.makeCounter(
      descriptor: .init(
        namespace: "mtl", metricName: "documents_predicted", unitName: "total",
        helpText: "Texts predicted."))
    reloadFailed = registry.makeGauge(
      descriptor: .init(
        namespace: "mtl", metricName: "model_reload_failed", unitName: "",
        helpText: "1 when the last reload was refused and an older model is serving."))
    queueRequests = registry.makeGauge(
      descriptor: .init(
        namespace: "mtl", subsystem: "prediction_queue", metricName: "requests", unitName: "",
        helpText: "Predict requests holding a place in the queue, running or waiting."))
    queueCapacity = registry.makeGauge(
      descriptor: .init(
        namespace: "mtl", subsystem: "prediction_queue", metricName: "capacity", unitName: "",
        helpText: "Places in the queue (--workers plus --queue-depth); one more is a 503."))
  }

  /// Records the prediction queue's state, as `/metrics` is rendered.
  func recordQueue(occupied: Int, capacity: Int) {
    queueRequests.set(to: Double(occupied))
    queueCapacity.set(to: Double(capacity))
  }

  /// Records one answered request.
  func recordRequest(route: String, status: Int, duration: Duration) {
    registry.makeCounter(
      descriptor: .init(
        namespace: "mtl", subsystem: "http", metricName: "requests", unitName: "total",
        helpText: "Requests answered, by route and status."),
      labels: [("route", route), ("status", String(status))]
    ).increment()
    registry.makeDurationHistogram(
      descriptor: .init(
        namespace: "mtl", subsystem: "http", metricName: "request_duration",
        unitName: "seconds", helpText: "Time from the request head to the response."),
      labels: [("route", route)], buckets: Self.latencyBuckets
    ).record(duration)
  }

  /// Adds `count` predicted texts.
  func recordDocuments(_ count: Int) { documents.increment(by: Int64(count)) }

  /// Marks `checksum` as the serving model, replacing the previous one's series.
  func recordModel(checksum: String, previous: String?) {
    let descriptor = MetricNameDescriptor(
      namespace: "mtl", metricName: "model", unitName: "info",
      helpText: "The serving model, by its file's CRC-32C.")
    if let previous {
      registry.unregisterGauge(
        registry.makeGauge(descriptor: descriptor, labels: [("checksum", previous)]))
    }
    registry.makeGauge(descriptor: descriptor, labels: [("checksum", checksum)]).set(to: 1)
  }

  /// How a reload request ended.
  enum ReloadResult: String {
    /// The file was read and now serves.
    case loaded
    /// The file was refused; the previous model serves on.
    case refused
    /// Another reload was running; this one did nothing (409).
    case alreadyRunning = "already_running"
  }

  /// Counts a reload by its result; only a refusal or a load changes the failure gauge.
  func recordReload(_ result: ReloadResult) {
    switch result {
    case .loaded: reloadFailed.set(to: 0)
    case .refused: reloadFailed.set(to: 1)
    case .alreadyRunning: break
    }
    registry.makeCounter(
      descriptor: .init(
        namespace: "mtl", metricName: "model_reloads", unitName: "total",
        helpText: "Reloads, by result."),
      labels: [("result", result.rawValue)]
    ).increment()
  }

  /// The exposition text.
  func render() -> [UInt8] { registry.emitToBuffer() }
}
