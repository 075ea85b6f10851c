extension ModelFile {
  /// Writes the QEMB section of `quantized` (layout in ``ModelFile``'s documentation).
  static func writeQuantized(_ quantized: QuantizedEmbeddings, into writer: inout BinaryWriter) {
    var index: [UInt8] = []
    index.reserveCapacity(quantized.storedRows.count * 2)
    var previous = -1
    for row in quantized.storedRows {
      var gap = UInt32(Int(row) - previous - 1)
      while gap >= 0x80 {
        index.append(UInt8(gap & 0x7F) | 0x80)
        gap >>= 7
      }
      index.append(UInt8(gap))
      previous = Int(row)
    }
    var body = BinaryWriter()
    body.write(UInt32(quantized.rows))
    body.write(UInt32(quantized.columns))
    body.write(UInt32(quantized.storedRows.count))
    body.write(UInt32(index.count))
    body.write(contentsOf: index)
    switch quantized.encoding {
    case .product(let quantizer, let codes):
      body.write(UInt8(1))
      body.write(UInt8(quantized.norms == nil ? 0 : 1))
      body.write(UInt32(quantizer.subvectorDimension))
      body.write(UInt32(quantizer.centroidCount))
      body.write(contentsOf: quantizer.centroids)
      body.write(contentsOf: codes)
    case .eightBit(let offsets, let steps, let codes):
      body.write(UInt8(2))
      body.write(UInt8(quantized.norms == nil ? 0 : 1))
      body.write(contentsOf: offsets)
      body.write(contentsOf: steps)
      body.write(contentsOf: codes)
    }
    if let norms = quantized.norms {
      body.write(UInt32(norms.centroids.count))
      body.write(contentsOf: norms.centroids)
      body.write(contentsOf: norms.codes)
    }
    header(quantizedEmbeddingsTag, length: body.bytes.count, into: &writer)
    writer.write(contentsOf: body.bytes)
  }

  /// Reads a QEMB section, checking every count against the manifest and the section's
  /// length before allocating, every row index for order and range, and every code against
  /// its codebook, so no file can make decoding read out of bounds.
  static func readQuantized(
    _ reader: BinaryReader, expectedRows: Int, expectedColumns: Int, path: String
  ) throws -> QuantizedEmbeddings {
    var reader = reader
    let malformed = { (problem: String) in quantizedMalformed(problem, path: path) }
    let rows = Int(try reader.readUInt32())
    let columns = Int(try reader.readUInt32())
    let stored = Int(try reader.readUInt32())
    guard rows == expectedRows, columns == expectedColumns, columns > 0 else {
      throw malformed(
        "holds a \(rows) × \(columns) matrix, the manifest needs \(expectedRows) × "
          + "\(expectedColumns)")
    }
    guard ModelLimits.problem(rows: rows, dimension: columns) == nil, stored <= rows,
      stored <= reader.remaining
    else {
      throw malformed("declares \(stored) rows of \(rows), more than it can hold")
    }
    let indexBytes = Int(try reader.readUInt32())
    guard indexBytes <= reader.remaining else { throw malformed("has a row index past its end") }
    let storedRows = try readStoredRows(
      try reader.readBytes(count: indexBytes), stored: stored, rows: rows, path: path)
    let encodingKind = try reader.readUInt8()
    let normsKind = try reader.readUInt8()
    guard normsKind <= 1 else { throw malformed("has an unknown norm encoding \(normsKind)") }
    let encoding = try readQuantizedEncoding(
      &reader, kind: encodingKind, quantizesNorms: normsKind == 1, stored: stored,
      columns: columns, path: path)
    let norms =
      normsKind == 1 ? try readQuantizedNorms(&reader, stored: stored, path: path) : nil
    guard reader.remaining == 0 else { throw malformed("has \(reader.remaining) bytes left over") }
    return QuantizedEmbeddings(
      rows: rows, columns: columns, storedRows: storedRows, encoding: encoding, norms: norms)
  }

  /// The error for a damaged QEMB section.
  private static func quantizedMalformed(_ problem: String, path: String) -> ModelFileError {
    .malformed(path: path, problem: "the quantized embedding section " + problem)
  }

  /// Decodes the row index, each stored row's gap from the previous one in 7-bit groups,
  /// checking that it ends exactly with the `stored` rows and names no row past `rows`.
  private static func readStoredRows(
    _ index: [UInt8], stored: Int, rows: Int, path: String
  ) throws -> [UInt32] {
    var storedRows: [UInt32] = []
    storedRows.reserveCapacity(stored)
    var position = 0
    var previous = -1
    for _ in 0..<stored {
      var gap = 0
      var shift = 0
      while true {
        guard position < index.count, shift <= 28 else {
          throw quantizedMalformed("has a row index that ends early or is damaged", path: path)
        }
        let byte = index[position]
        position += 1
        gap |= Int(byte & 0x7F) << shift
        shift += 7
        if byte < 0x80 { break }
      }
      let row = previous + 1 + gap
      guard row < rows else {
        throw quantizedMalformed("names row \(row), past the last row \(rows - 1)", path: path)
      }
      storedRows.append(UInt32(row))
      previous = row
    }
    guard position == index.count else {
      throw quantizedMalformed("has bytes after its row index", path: path)
    }
    return storedRows
  }

  /// Reads the stored rows' codes: product codes with their codebook (kind 1), or eight-bit
  /// rows with their offsets and steps (kind 2).
  private static func readQuantizedEncoding(
    _ reader: inout BinaryReader, kind: UInt8, quantizesNorms: Bool, stored: Int, columns: Int,
    path: String
  ) throws -> QuantizedEmbeddings.Encoding {
    let malformed = { (problem: String) in quantizedMalformed(problem, path: path) }
    switch kind {
    case 1:
      let subvector = Int(try reader.readUInt32())
      let centroidCount = Int(try reader.readUInt32())
      // Sub-vectors are at most 16 wide, so the decoded rows cost at most 64 times the
      // bytes of their codes: a small file cannot decode to gigabytes.
      guard subvector >= 1, subvector <= min(columns, ModelLimits.maximumSubvectorDimension),
        centroidCount >= 1,
        centroidCount <= ProductQuantizer.maximumCentroids
      else {
        throw malformed(
          "has sub-vectors of \(subvector) and \(centroidCount) centroids for \(columns) columns")
      }
      guard centroidCount * columns <= reader.remaining / 4 else {
        throw malformed("ends before its centroids")
      }
      let centroids = try reader.readFloats(count: centroidCount * columns)
      let quantizer = ProductQuantizer(
        dimension: columns, subvectorDimension: subvector, centroidCount: centroidCount,
        centroids: centroids)
      let codeCount = stored * quantizer.subquantizerCount
      guard codeCount <= reader.remaining else { throw malformed("ends before its codes") }
      let codes = try reader.readBytes(count: codeCount)
      guard codes.allSatisfy({ Int($0) < centroidCount }) else {
        throw malformed("has a code past its \(centroidCount) centroids")
      }
      return .product(quantizer, codes: codes)
    case 2:
      guard !quantizesNorms else { throw malformed("quantizes the norms of 8-bit rows") }
      guard stored * (8 + columns) <= reader.remaining else {
        throw malformed("ends before its 8-bit rows")
      }
      let offsets = try reader.readFloats(count: stored)
      let steps = try reader.readFloats(count: stored)
      return .eightBit(
        offsets: offsets, steps: steps, codes: try reader.readBytes(count: stored * columns))
    default:
      throw malformed("has an unknown row encoding \(kind)")
    }
  }

  /// Reads the quantized norms of the `stored` rows: a codebook, then a code per row.
  private static func readQuantizedNorms(
    _ reader: inout BinaryReader, stored: Int, path: String
  ) throws -> QuantizedEmbeddings.Norms {
    let count = Int(try reader.readUInt32())
    guard count >= 1, count <= ProductQuantizer.maximumCentroids,
      count * 4 + stored <= reader.remaining
    else {
      throw quantizedMalformed(
        "has \(count) norm centroids, or ends before its norms", path: path)
    }
    let centroids = try reader.readFloats(count: count)
    let codes = try reader.readBytes(count: stored)
    guard codes.allSatisfy({ Int($0) < count }) else {
      throw quantizedMalformed("has a norm code past its \(count) centroids", path: path)
    }
    return QuantizedEmbeddings.Norms(centroids: centroids, codes: codes)
  }
}
