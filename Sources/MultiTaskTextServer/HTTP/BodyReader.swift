import Hummingbird

/// Reads a request body whole, within a size and a time limit.
struct BodyReader: Sendable {
  let maximumBytes: Int
  let timeout: Duration

  /// The body's bytes.
  ///
  /// The size is checked as the bytes arrive, whether the body announced its length or
  /// came in chunks, so an oversized body is refused without being held.
  ///
  /// - Throws: ``ServerError/bodyTooLarge(limit:)`` past `maximumBytes`, announced or sent;
  ///   ``ServerError/bodyTimedOut(seconds:)`` when the whole body takes longer than
  ///   `timeout`, as a client that trickles it byte by byte does;
  ///   ``ServerError/shuttingDown`` when the drain deadline cancels the read.
  func read(_ request: Request) async throws(ServerError) -> [UInt8] {
    let announced = try checkAnnouncedLength(of: request)
    let body = request.body
    let limit = maximumBytes
    let timeout = timeout
    let outcome: Result<[UInt8], ServerError> = await withTaskGroup(
      of: Result<[UInt8], ServerError>?.self
    ) { group in
      group.addTask { await Self.collect(body, limit: limit, expected: announced) }
      group.addTask {
        try? await Task.sleep(for: timeout)
        return Task.isCancelled ? nil : .failure(.bodyTimedOut(seconds: timeout.seconds))
      }
      var first: Result<[UInt8], ServerError>?
      while first == nil, let next = await group.next() { first = next }
      group.cancelAll()
      return first ?? .failure(.shuttingDown)
    }
    return try outcome.get()
  }

  /// The length the request announces, refused at once when it is over the limit, so a
  /// body that cannot be accepted is answered 413 without waiting for a place in the queue.
  @discardableResult
  func checkAnnouncedLength(of request: Request) throws(ServerError) -> Int? {
    let announced = request.headers[.contentLength].flatMap(Int.init)
    if let announced, announced > maximumBytes { throw .bodyTooLarge(limit: maximumBytes) }
    return announced
  }

  /// Appends every piece of `body`, refusing it as soon as it passes `limit`; nil when the
  /// read was cancelled.
  private static func collect(
    _ body: RequestBody, limit: Int, expected: Int?
  ) async -> Result<[UInt8], ServerError>? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(expected ?? 0, limit))
    do {
      for try await piece in body {
        if Task.isCancelled { return nil }
        guard piece.readableBytes <= limit - bytes.count else {
          return .failure(.bodyTooLarge(limit: limit))
        }
        // One copy of the contiguous bytes: appending element by element would cost the
        // cooperative threads seconds for a body of megabytes in a debug build.
        piece.withUnsafeReadableBytes { bytes.append(contentsOf: $0) }
      }
    } catch {
      if Task.isCancelled { return nil }
      return .failure(.invalidJSON(path: "$", problem: "the body ended before it was complete"))
    }
    return Task.isCancelled ? nil : .success(bytes)
  }
}

extension Duration {
  /// The duration in seconds, as a message shows it.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
