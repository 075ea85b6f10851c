#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file whose new contents are ready but not yet visible at its destination.
///
/// A run that saves several files (model, vocabulary, reports) prepares them all and then
/// commits them together, so a failure while producing any of them leaves every previous
/// file as it was, instead of a new model beside old reports and an exit status of 1.
///
/// Dropping a prepared file without committing it removes its temporary file.
public final class PreparedFile {
  /// The destination, after symbolic links were followed.
  public let path: String
  private let contents: Contents
  private var isFinished = false

  enum Contents {
    /// The bytes sit in a flushed temporary file in the destination's folder.
    case temporaryFile(String)
    /// The destination is a FIFO or a device, written in place when committed.
    case inMemory([UInt8])
  }

  init(path: String, contents: Contents) {
    self.path = path
    self.contents = contents
  }

  deinit { discard() }

  /// Makes the new contents visible at ``path``: a rename for a regular file (atomic), a
  /// plain write for a FIFO or a device.
  ///
  /// - Throws: `PersistenceError.fileSystem` naming the failed step; the destination then
  ///   holds its previous contents (for a rename) and no temporary file stays.
  public func commit() throws(PersistenceError) {
    guard !isFinished else { return }
    isFinished = true
    switch contents {
    case .temporaryFile(let temporaryPath):
      if rename(temporaryPath, path) != 0 {
        let failure = AtomicFileWriter.failure(path, "replace the file")
        _ = unlink(temporaryPath)
        throw failure
      }
      try AtomicFileWriter.flushFolder(AtomicFileWriter.split(path).folder)
    case .inMemory(let bytes):
      // Non-blocking first, so a FIFO that no process reads is an error at once (ENXIO)
      // instead of a run that hangs with its model half committed.
      let descriptor = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK)
      guard descriptor >= 0 else {
        if errno == ENXIO {
          throw .fileSystem(
            path: path, operation: "write",
            reason: "it is a FIFO that no process is reading; start the reader first")
        }
        throw AtomicFileWriter.failure(path, "open for writing")
      }
      defer { _ = close(descriptor) }
      let flags = fcntl(descriptor, F_GETFL)
      guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) == 0 else {
        throw AtomicFileWriter.failure(path, "open for writing")
      }
      try AtomicFileWriter.writeAll(bytes, to: descriptor, path: path)
    }
  }

  /// Whether committing writes into a FIFO or a device rather than renaming a file: the
  /// step that can fail or block, and so goes first.
  public var writesInPlace: Bool {
    if case .inMemory = contents { return true }
    return false
  }

  /// Abandons the new contents, removing the temporary file; the destination is untouched.
  public func discard() {
    guard !isFinished else { return }
    isFinished = true
    if case .temporaryFile(let temporaryPath) = contents { _ = unlink(temporaryPath) }
  }
}

extension Array where Element == PreparedFile {
  /// Commits every file: first those written in place (FIFOs and devices such as
  /// `/dev/full`, whose writes can fail or block), then the renames.
  ///
  /// So a copy that cannot be written stops the run before any file was replaced: the
  /// outputs are committed together or not at all. Renames cannot be made atomic as a
  /// group; they are the last and shortest step, so a failure between them (a full disk
  /// cannot cause one) is unlikely.
  ///
  /// - Throws: The first commit's failure; the files not yet committed are discarded.
  public func commitAll() throws(PersistenceError) {
    let ordered = filter(\.writesInPlace) + filter { !$0.writesInPlace }
    for (index, file) in ordered.enumerated() {
      do { try file.commit() } catch {
        for later in ordered[(index + 1)...] { later.discard() }
        throw error
      }
    }
  }
}
