import Foundation

extension ModelFile {
  /// Reads the model at `path`.
  ///
  /// Checks, in order, that the file starts with the magic number, has a version this build
  /// reads, is complete, and matches its checksum; each failure is its own error.
  ///
  /// - Throws: ``ModelFileError``.
  public static func read(path: String) throws(ModelFileError) -> MultiTaskModel {
    let bytes: [UInt8]
    do {
      bytes = try FileBytes.read(
        path: path, limit: maximumFileBytes,
        expectedPrefix: withUnsafeBytes(of: magic.littleEndian, Array.init),
        headCheck: FileBytes.HeadCheck(length: 12) { head in
          // The first section's tag follows the magic number and the version.
          let tag =
            UInt32(head[8]) | UInt32(head[9]) << 8 | UInt32(head[10]) << 16
            | UInt32(head[11]) << 24
          return isSectionTag(tag)
            ? nil
            : "the bytes at 8 are not a section (a tag of four letters was expected); the file"
              + " is damaged"
        })
    } catch {
      if error.wrongPrefix { throw .notAModel(path: path) }
      if error.damagedHead { throw .malformed(path: path, problem: error.problem) }
      throw .unreadable(path: path, problem: error.problem)
    }
    return try decode(bytes, path: path)
  }

  /// The largest model file `mtl` reads: 16 GiB, several times a model with two million
  /// buckets of dimension 300 plus a large vocabulary. A regular file above it is refused
  /// from its size; a pipe or device is refused once that much has been read.
  public static let maximumFileBytes = 1 << 34

  /// Decodes model bytes; `path` names the source in errors.
  public static func decode(_ bytes: [UInt8], path: String) throws(ModelFileError) -> MultiTaskModel
  {
    var reader = BinaryReader(bytes: bytes, path: path)
    do {
      let foundMagic = try reader.readUInt32()
      guard foundMagic == magic else { throw ModelFileError.notAModel(path: path) }
      let foundVersion = try reader.readUInt32()
      guard foundVersion >= 1 else {
        throw ModelFileError.malformed(
          path: path,
          problem: "format version 0 does not exist (versions start at 1); the file is damaged")
      }
      guard foundVersion <= version else {
        throw ModelFileError.unsupportedVersion(path: path, found: foundVersion, supported: version)
      }
      // Walk the sections first so truncation is reported as such, then check the checksum.
      var sections: [(tag: UInt32, range: Range<Int>)] = []
      while true {
        let tag = try reader.readUInt32()
        let length = try reader.readUInt64()
        // A tag is four printable ASCII letters; anything else (zeros after the header, a
        // shifted length) is damage, found before the rest of the file is walked.
        guard isSectionTag(tag) else {
          throw ModelFileError.malformed(
            path: path,
            problem: "the bytes at \(reader.offset - 12) are not a section (a tag of four letters"
              + " was expected); the file is damaged")
        }
        guard sections.count < ModelLimits.maximumSections else {
          throw ModelFileError.malformed(
            path: path, problem: "more than \(ModelLimits.maximumSections) sections")
        }
        guard length <= UInt64(reader.remaining) else {
          // A file that still ends with its end section was copied completely, so a length
          // running past its end was damaged, not cut short; so is one no model could have.
          if endsWithEndSection(bytes) || length > maximumSectionLength {
            throw ModelFileError.malformed(
              path: path,
              problem: "the section at byte \(reader.offset - 12) declares \(length) bytes, more"
                + " than the \(reader.remaining) left in the file; the file is damaged")
          }
          throw ModelFileError.truncated(
            path: path, offset: reader.offset, needed: Int(clamping: length))
        }
        let start = reader.offset
        try reader.skip(count: Int(length))
        if tag == endTag {
          guard length == 4 else {
            throw ModelFileError.malformed(path: path, problem: "bad end marker")
          }
          var storedReader = BinaryReader(bytes: bytes, range: start..<(start + 4), path: path)
          let expected = try storedReader.readUInt32()
          let actual = Checksum.of(bytes[0..<start])
          guard expected == actual else {
            throw ModelFileError.checksumMismatch(path: path)
          }
          break
        }
        sections.append((tag, start..<(start + Int(length))))
      }
      return try assemble(bytes: bytes, sections: sections, version: foundVersion, path: path)
    } catch let error as ModelFileError {
      throw error
    } catch let error as PersistenceError {
      if case .truncated(_, let offset, let needed) = error {
        throw .truncated(path: path, offset: offset, needed: needed)
      }
      throw .malformed(path: path, problem: "\(error)")
    } catch {
      throw .malformed(path: path, problem: "\(error)")
    }
  }

  /// The longest section any model writes: 2^40 bytes (1 TiB), so a length above it is
  /// damage, never a model that was cut short.
  static let maximumSectionLength: UInt64 = 1 << 40

  /// Whether `tag` is four printable ASCII characters, as every section tag is.
  static func isSectionTag(_ tag: UInt32) -> Bool {
    (0..<4).allSatisfy { shift in
      let byte = (tag >> (8 * UInt32(shift))) & 0xFF
      return byte >= 0x20 && byte < 0x7F
    }
  }

  /// Whether `bytes` end with an end section (tag, length 4, checksum) whose checksum holds.
  private static func endsWithEndSection(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 24 else { return false }
    var reader = BinaryReader(bytes: bytes, range: (bytes.count - 16)..<bytes.count, path: "")
    guard (try? reader.readUInt32()) == endTag, (try? reader.readUInt64()) == 4,
      let stored = try? reader.readUInt32()
    else { return false }
    return stored == Checksum.of(bytes[0..<(bytes.count - 4)])
  }

  /// Builds the model from its sections, checking each against the manifest: the manifest,
  /// the vocabulary, the embeddings, the heads, then the private tables.
  private static func assemble(
    bytes: [UInt8], sections: [(tag: UInt32, range: Range<Int>)], version: UInt32, path: String
  ) throws -> MultiTaskModel {
    func payload(_ range: Range<Int>) -> BinaryReader {
      BinaryReader(bytes: bytes, range: range, path: path)
    }
    func section(_ tag: UInt32) -> BinaryReader? {
      sections.first { $0.tag == tag }.map { payload($0.range) }
    }
    let manifest = try readManifest(section(manifestTag), path: path)
    guard let vocabularyReader = section(vocabularyTag) else {
      throw ModelFileError.malformed(path: path, problem: "the vocabulary section is missing")
    }
    let vocabulary = try readVocabulary(vocabularyReader, path: path)
    let (embeddings, quantized) = try readEmbeddings(
      float: section(embeddingsTag), quantized: section(quantizedEmbeddingsTag),
      manifest: manifest, vocabulary: vocabulary, version: version, path: path)
    var heads = [Matrix?](repeating: nil, count: manifest.tasks.count)
    for section in sections where section.tag == headTag {
      let (index, matrix) = try readMatrix(payload(section.range), path: path, hasIndex: true)
      guard index < heads.count else {
        throw ModelFileError.malformed(path: path, problem: "head \(index) has no task")
      }
      heads[index] = matrix
    }
    let taskHeads = try validatedHeads(manifest, vocabulary, embeddings, heads, path: path)
    let privateTables = try readPrivateTables(
      sections.filter { $0.tag == privateTag }.map { payload($0.range) }, manifest: manifest,
      path: path)
    var model = MultiTaskModel(
      manifest: manifest, vocabulary: vocabulary, embeddings: embeddings,
      heads: taskHeads, privateEmbeddings: privateTables)
    model.quantizedEmbeddings = quantized
    model.linearPaths = try readLinearPaths(
      sections.filter { $0.tag == linearTag }.map { payload($0.range) }, manifest: manifest,
      rows: embeddings.rows, path: path)
    return model
  }
}
