extension ModelFile {
  /// Writes `model` beside `path` without putting it in place yet, like
  /// ``prepare(_:to:)``, and returns the file's checksum too: the CRC-32C of every byte
  /// before the trailer's last four, as ``RunProvenance/modelChecksum`` records it.
  ///
  /// A run that reports the checksum of the model it writes gets it from this one encoding,
  /// instead of encoding the whole model again only to checksum it.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - path: Where ``PreparedFile/commit()`` will put it.
  /// - Returns: The prepared file and its checksum.
  /// - Throws: As ``write(_:to:)``; nothing at `path` changes.
  public static func prepareWithChecksum(
    _ model: MultiTaskModel, to path: String
  ) throws(PersistenceError) -> (file: PreparedFile, checksum: UInt32) {
    var checksum: UInt32 = 0
    let file = try AtomicFileWriter().prepare(to: path) { (emit) throws(PersistenceError) in
      checksum = try stream(model, path: path, emit)
    }
    return (file, checksum)
  }
}
