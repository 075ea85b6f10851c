import Foundation
import Logging

/// A swift-log handler that writes each event as one line, JSON or `key=value` text,
/// through a closure the caller supplies (the CLI passes standard error).
///
/// The server logs request metadata only (method, path, status, duration, text count),
/// never the texts, so logs hold no user content.
public struct LineLogHandler: LogHandler {
  /// How each line is written.
  public enum Format: String, Sendable, CaseIterable {
    /// One JSON object per line, for log collectors.
    case json
    /// `time level message key=value …`, for people.
    case text
  }

  /// The line format.
  public let format: Format
  private let write: @Sendable (String) -> Void
  /// Metadata added to every line.
  public var metadata: Logger.Metadata = [:]
  /// The least severe level written.
  public var logLevel: Logger.Level = .info

  /// Creates a handler.
  ///
  /// - Parameters:
  ///   - format: JSON or text.
  ///   - write: Receives each line, newline included.
  public init(format: Format, write: @escaping @Sendable (String) -> Void) {
    self.format = format
    self.write = write
  }

  /// Metadata by key.
  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  /// Writes one event as one line.
  public func log(event: LogEvent) {
    var fields = metadata
    if let extra = event.metadata { fields.merge(extra) { $1 } }
    let time = Date().formatted(.iso8601)
    switch format {
    case .json:
      var object: [String: String] = ["time": time, "level": "\(event.level)"]
      object["message"] = "\(event.message)"
      for (key, value) in fields { object[key] = "\(value)" }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      guard let data = try? encoder.encode(object) else { return }
      write(String(decoding: data, as: UTF8.self) + "\n")
    case .text:
      let pairs = fields.keys.sorted().map { "\($0)=\(fields[$0].map { "\($0)" } ?? "")" }
      write(([time, "\(event.level)", "\(event.message)"] + pairs).joined(separator: " ") + "\n")
    }
  }
}
