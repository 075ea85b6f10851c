import Hummingbird
import NIOCore
import NIOHTTPTypes
import Synchronization

/// One handler in every connection's pipeline: it notices when the client goes, and closes
/// the connection after an answer given before the request body was read.
///
/// Hummingbird keeps a connection open after any answer and reads whatever body is left,
/// so a client still sending an oversized body after its 413 would keep sending into a
/// server that discards it. An answer marked `Connection: close` here is followed by a
/// half-close, so the client sees the answer and the end of the stream, and by a full
/// close after `linger`, so a client that keeps sending cannot hold the connection.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  /// What requests on this connection check between texts.
  let watch = ClientWatch()
  private let linger: TimeAmount
  private var closeAfterAnswer = false

  /// Creates a guard that closes `linger` after an early answer's half-close.
  init(linger: TimeAmount = .seconds(2)) { self.linger = linger }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    context.fireChannelRead(data)
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    // The server allows half-closure, so a client that closes shows first as the end of
    // its input, while the channel stays active.
    if let event = event as? ChannelEvent, event == .inputClosed { watch.markGone() }
    context.fireUserInboundEventTriggered(event)
  }

  func channelInactive(context: ChannelHandlerContext) {
    watch.markGone()
    context.fireChannelInactive()
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch unwrapOutboundIn(data) {
    case .head(let response):
      closeAfterAnswer = response.headerFields[.connection]?.lowercased() == "close"
      context.write(data, promise: promise)
    case .end where closeAfterAnswer:
      closeAfterAnswer = false
      let written = context.eventLoop.makePromise(of: Void.self)
      context.writeAndFlush(data, promise: written)
      let linger = linger
      written.futureResult.assumeIsolated().whenComplete { result in
        promise?.completeWith(result)
        context.close(mode: .output, promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: linger) {
          context.close(promise: nil)
        }
      }
    default:
      context.write(data, promise: promise)
    }
  }
}

/// Whether a request's client is still connected, as its connection's ``ConnectionGuard``
/// saw it; shared with the prediction thread that checks it between texts.
final class ClientWatch: Sendable {
  private let gone = Atomic(false)

  /// True once the client closed its side or the connection ended.
  var isGone: Bool { gone.load(ordering: .relaxed) }

  func markGone() { gone.store(true, ordering: .relaxed) }
}
