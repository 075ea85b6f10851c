import Hummingbird
import NIOCore

/// The request context the server's responder receives: Hummingbird's basic one plus the
/// connection, so a prediction can find its ``ConnectionGuard`` and learn when the client
/// has gone.
struct ServerRequestContext: RequestContext {
  /// Hummingbird's per-request storage.
  var coreContext: CoreRequestContextStorage
  /// The connection the request arrived on.
  let channel: any Channel

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    channel = source.channel
  }

  /// The connection's client watch; a fresh one, never gone, if the pipeline has no guard.
  func clientWatch() async -> ClientWatch {
    let channel = channel
    let found = try? await channel.eventLoop.submit {
      try channel.pipeline.syncOperations.handler(type: ConnectionGuard.self).watch
    }.get()
    return found ?? ClientWatch()
  }
}
